<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Access</name>
    <message>
        <location filename="../../app/access/permissions.py" line="31"/>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="32"/>
        <source>file request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="33"/>
        <source>resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="34"/>
        <source>batch print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="35"/>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="36"/>
        <source>revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="37"/>
        <source>reissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="38"/>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="39"/>
        <source>edit institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="40"/>
        <source>settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="41"/>
        <source>manage staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="42"/>
        <source>view audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="45"/>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="46"/>
        <source>registrar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="47"/>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="97"/>
        <source>Nobody is signed in: sign in to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/permissions.py" line="101"/>
        <source>{0} ({1}) is not allowed to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/secrets.py" line="50"/>
        <source>No secure password store (OS keyring) is available on this computer. Passwords can be kept for this session only and must be entered again after a restart; they are never saved to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/secrets.py" line="60"/>
        <source>Passwords are kept in the OS keyring ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/secrets.py" line="95"/>
        <source>The OS keyring refused to store the secret ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="89"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="93"/>
        <source>must be 2 to 64 characters: letters a-z, digits, dot, dash or underscore, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="106"/>
        <source>must be at least {0} characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="110"/>
        <source>must be at most {0} characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="113"/>
        <source>must not be only spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="115"/>
        <source>must not be the same as the username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="121"/>
        <source>must not contain control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="123"/>
        <source>must be at most 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="146"/>
        <source>No staff account named {0!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="186"/>
        <source>{0!r} is already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="216"/>
        <source>The administrator already exists; sign in instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="252"/>
        <source>Wrong username or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="293"/>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="318"/>
        <source>This account is locked after too many wrong passwords. Try again after {0}, or ask an administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="356"/>
        <source>This database has its own staff accounts, so demo sign-in is off. Sign in with your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="365"/>
        <source>The demo clerk&apos;s account has been deactivated. Sign in as another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="382"/>
        <source>is not correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="400"/>
        <source>the last active administrator cannot be given another role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="419"/>
        <source>you cannot deactivate your own account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/access/staff.py" line="423"/>
        <source>the last active administrator cannot be deactivated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../app/audit/anchor.py" line="65"/>
        <source>the signing key is neither RSA nor EC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/audit/anchor.py" line="96"/>
        <source>{0} holds no signing key and certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/audit/trail.py" line="496"/>
        <source>the &apos;from&apos; date is after the &apos;to&apos; date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/audit/trail.py" line="571"/>
        <source>not signed, the trail does not hold together: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <location filename="../../app/batch/run.py" line="174"/>
        <source>the member&apos;s register entry ({0}) {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="387"/>
        <source>these columns appear twice: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="399"/>
        <source>required columns are missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="409"/>
        <source>has more than {0:,} rows; split it into several files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="430"/>
        <source>{0!r} is not one of: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="439"/>
        <source>{0!r} is not a date written as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="443"/>
        <source>{0} is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="471"/>
        <source>{0!r} is not in the institution directory{1}; give the full address columns (institution_type, street1, city, state, country, zip, email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="482"/>
        <source>{0!r} is in the directory under several types ({1}); fill in institution_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="576"/>
        <source>a {0} goes to the member; leave it empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="589"/>
        <source>the member has no email address on file; give one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="608"/>
        <source>{0} cannot be read ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="612"/>
        <source>{0} changed while it was being read; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="615"/>
        <source>has a header but no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="652"/>
        <source>no member has CPSO number {0!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="705"/>
        <source>repeats line {0} (same member and document)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="709"/>
        <source>repeats line {0} (same member and institution): one certificate per member and institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="756"/>
        <source>needs registrar review: {0} (request {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="760"/>
        <source>needs registrar review: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="837"/>
        <source>member {0} vanished from the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="1007"/>
        <source>The process drawing the certificates stopped (out of memory, or ended by the system) while drawing {0}. The certificates already finished are kept; run the same file again to finish the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="1017"/>
        <source>The certificate of {0} could not be drawn: {1}. Correct the member or the row and run the same file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="1041"/>
        <source>certificate {0} vanished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="1149"/>
        <source>the merged print file is incomplete: a document was never stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="1292"/>
        <source>Another desk is issuing {0} at this moment (it has just filed line {1}, {2}), so this run stopped without numbering it twice. Let that run finish, then run the same file again to check that every row is done; the certificates issued so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/batch/run.py" line="1603"/>
        <source>the document of certificate {0} is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../app/document/certificates.py" line="274"/>
        <source>the font file {0} is missing; reinstall CPC Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="363"/>
        <source>contains {0}, a right-to-left character that the certificate cannot print correctly; enter the name as registered in Latin letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="373"/>
        <source>contains {0}, an emoji or pictograph, which a certificate does not print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="381"/>
        <source>contains the character {0}, which no font of the certificate can draw; correct the text or remove the character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="432"/>
        <source>contains a control character ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="445"/>
        <source>is required on a certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="668"/>
        <source>is too long to fit in the certificate&apos;s QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="760"/>
        <location filename="../../app/document/member_documents.py" line="182"/>
        <location filename="../../app/document/member_documents.py" line="244"/>
        <source>the image {0} cannot be read (use a PNG or JPEG file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/certificates.py" line="1414"/>
        <source>is too long to fit on the certificate page ({0} characters); shorten it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/member_documents.py" line="54"/>
        <source>{0!r} is not a document CPC Desk draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="120"/>
        <location filename="../../app/document/signing.py" line="468"/>
        <source>the signing key file {0} cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="176"/>
        <source>store it with &apos;settings set-password signing&apos;, or give it with --pin-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="179"/>
        <source>no OS keyring here: give it with --pin-stdin, or enter it at sign-in in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="189"/>
        <location filename="../../app/document/trust.py" line="96"/>
        <source>cannot read {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="196"/>
        <source>cannot open {0}: the passphrase is wrong or the file is not a PKCS#12 key file ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="203"/>
        <location filename="../../app/document/signing.py" line="288"/>
        <source>{0} holds no signing key and certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="221"/>
        <source>the PIN of token {0!r} is needed ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="228"/>
        <source>the PKCS#11 module {0} cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="247"/>
        <source>token {0!r} is already signed in with another PIN in this program; restart it to enter the PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="256"/>
        <source>token {0!r} refused the PIN ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="260"/>
        <source>cannot open token {0!r} with {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="273"/>
        <source>token {0!r} holds no key and certificate labelled {1!r} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="445"/>
        <source>is needed with {0}: the root certificate of the time-stamping authority, so that its timestamps can be checked and their validation data embedded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="525"/>
        <source>the PIN of the signing token {0!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="532"/>
        <source>the passphrase of the signing key file {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="544"/>
        <source>enter the PIN or passphrase on one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="702"/>
        <source>the time-stamping authority {0} refused the request (HTTP {1}); the certificate was not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="711"/>
        <source>the time-stamping authority {0} cannot be reached ({1}); the certificate was not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/signing.py" line="725"/>
        <source>the time-stamping authority {0} answered with something that is not a timestamp; the certificate was not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="104"/>
        <source>{0} holds no certificate (PEM or DER expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="145"/>
        <source>{0} in its chain is not a certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="149"/>
        <source>{0} in its chain is not valid on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="155"/>
        <location filename="../../app/document/trust.py" line="158"/>
        <source>its chain does not lead to the configured root ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="179"/>
        <source>the signing certificate expired on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="183"/>
        <source>the signing certificate is not valid until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="192"/>
        <source>the signing certificate does not allow digital signatures (no digitalSignature key usage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="198"/>
        <source>the signing key is too weak (RSA {0} bits; at least {1} needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="202"/>
        <source>no College root certificate is configured (setting signing.root_certificate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/trust.py" line="218"/>
        <source>this key cannot sign: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="34"/>
        <source>altered after signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="35"/>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="36"/>
        <source>not signed by this College&apos;s signing certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="37"/>
        <source>unknown certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="38"/>
        <source>does not match the issued certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="60"/>
        <source>Certificate {0} is genuine and valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="62"/>
        <source>Certificate {0} is NOT valid: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="65"/>
        <source>This file is NOT valid: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="83"/>
        <source>not a certificate: the file is {0:.0f} MB, over the {1} MB limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="129"/>
        <source>{0}: the digital signature cannot be read from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="150"/>
        <source>not signed: the file carries no digital signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="157"/>
        <source>{0}: the file is shorter than the content that was signed (cut off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="174"/>
        <source>{0}: the digital signature cannot be checked against the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="181"/>
        <source>{0}: the file&apos;s content no longer matches its digital signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="186"/>
        <source>the digital signature is intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="198"/>
        <location filename="../../app/document/verification.py" line="295"/>
        <source>{0}: content was added to the file after it was signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="207"/>
        <source>{0} (it was signed by {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="214"/>
        <source>{0}: it was signed on {1} with a signing certificate retired on {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="222"/>
        <source>signed by {0} (DEMO trust)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="224"/>
        <source>signed by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="230"/>
        <source>timestamped by a trusted authority at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="234"/>
        <source>{0}: its timestamp ({1}) is not from a time-stamping authority this desk trusts (setting signing.tsa_root_certificate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="242"/>
        <source>signed at {0} by the signing desk&apos;s clock (no timestamp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="303"/>
        <source>{0}: the file is cut off or broken and cannot be read as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="334"/>
        <source>its signing certificate had expired ({0}) when it signed on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="338"/>
        <source>its signing certificate was not yet valid when it signed on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="341"/>
        <source>its signing certificate does not chain to the College&apos;s root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="355"/>
        <source>not a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="364"/>
        <source>{0}: the file names no certificate number of this College</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="383"/>
        <source>{0}: {1} is not on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="397"/>
        <source>{0}: this file is not the one issued as {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="403"/>
        <source>the file is the one issued as {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="411"/>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="414"/>
        <source>revoked on {0} because {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="415"/>
        <source>no reason was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="419"/>
        <source>it has not been revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="422"/>
        <source>expired on {0} (it was valid until {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="428"/>
        <source>not yet valid: it is dated {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="432"/>
        <source>it is valid until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="438"/>
        <source>the register still states what the certificate states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="456"/>
        <source>There is no certificate {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification.py" line="460"/>
        <source>{0} was already revoked on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification_address.py" line="35"/>
        <source>Certificate {0} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification_address.py" line="44"/>
        <source>must be an http:// or https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification_address.py" line="53"/>
        <source>{0} answered {1} {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification_address.py" line="58"/>
        <source>{0} cannot be reached ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/verification_address.py" line="63"/>
        <source>{0} answers, but not with the certificate verification page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/file_check.py" line="39"/>
        <source>This file is not a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/file_check.py" line="42"/>
        <source>This file is NOT a certificate as the College issued it: it was changed after issue or was never issued by the College.{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/file_check.py" line="48"/>
        <source>This file matches the record of {0}, but its signature does not check as the College&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/file_check.py" line="52"/>
        <source>This file is exactly certificate {0} as the College issued and signed it. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/standing.py" line="177"/>
        <source>No certificate matches this number and verification code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/standing.py" line="180"/>
        <source>Certificate {0} is valid until {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/standing.py" line="184"/>
        <source>Certificate {0} was revoked on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/standing.py" line="188"/>
        <source>Certificate {0} was replaced by certificate {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/document/standing.py" line="191"/>
        <source>Certificate {0} expired on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <location filename="../../app/failures.py" line="69"/>
        <source>The disk is full: a file could not be written{0}. Free some space there or choose another folder. What was finished before is kept; run the same command again to finish the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/failures.py" line="79"/>
        <source>A file could not be written{0}: this account may not write there, or the disk is read-only. Choose another folder. What was finished before is kept; run the same command again to finish the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/failures.py" line="95"/>
        <source>The database is full: the disk it is kept on has no space left. Ask IT to free space for the database. The step that failed was not saved. What was finished before is kept; run the same command again to finish the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/failures.py" line="105"/>
        <source>The database refused this step: the database account this desk signs in with may not do it (a wrong database role, see &apos;cpc-desk db roles&apos; in the README). Nothing of the step was saved; ask IT to connect this desk with the right role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/failures.py" line="120"/>
        <source>The database stopped answering (the server was stopped, restarted or cut off). The step in progress was not saved. What was finished before is kept; run the same command again once the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Issuing</name>
    <message>
        <location filename="../../app/issuing/documents.py" line="51"/>
        <source>There is no member with CPSO number {0!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/documents.py" line="94"/>
        <source>choose at least one document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/documents.py" line="107"/>
        <source>the member has no email address on file; type one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/documents.py" line="147"/>
        <source>No signed document is stored for {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/engine.py" line="265"/>
        <source>directory entry {0} no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/messages.py" line="60"/>
        <source>is empty; write the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/messages.py" line="64"/>
        <source>is {0:,} characters long; the most is {1:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/messages.py" line="110"/>
        <source>There is no request {0!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/messages.py" line="142"/>
        <source>{0} has no email address on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/messages.py" line="218"/>
        <source>a message to the member is sent with send_message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="109"/>
        <source>add at least one organisation to send the certificate to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="115"/>
        <source>at most {0} recipients per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="128"/>
        <source>the member&apos;s consent to release the information is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="132"/>
        <location filename="../../app/issuing/requests.py" line="227"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="156"/>
        <location filename="../../app/issuing/requests.py" line="225"/>
        <location filename="../../app/issuing/requests.py" line="587"/>
        <location filename="../../app/issuing/requests.py" line="664"/>
        <location filename="../../app/issuing/requests.py" line="686"/>
        <source>Member {0} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="201"/>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="203"/>
        <source>the database is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="205"/>
        <source>The request could not be saved because {0}. Nothing was filed and no certificate number was used; free some space (or ask IT to fix the data folder) and press Submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="271"/>
        <location filename="../../app/issuing/requests.py" line="403"/>
        <source>Request {0} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="327"/>
        <source>No PDF is stored for certificate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="338"/>
        <source>{0!r} is not a certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="407"/>
        <source>Request {0} is no longer awaiting review (it is {1}{2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="436"/>
        <source>The request was changed by someone else while it was being approved; look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="447"/>
        <source>is required when declining a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="451"/>
        <source>is {0} characters long; at most {1} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="474"/>
        <source>The request was changed by someone else; look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="508"/>
        <location filename="../../app/issuing/requests.py" line="734"/>
        <source>Certificate {0} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="512"/>
        <source>Certificate {0} was already reissued as {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/requests.py" line="721"/>
        <source>{0} ({1}), filed {2} by {3}, to {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="46"/>
        <source>{0!r} is not Type=days (for example Hospital=60)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="51"/>
        <source>the days for {0!r} must be a whole number greater than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="58"/>
        <source>{0!r} is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="111"/>
        <source>Valid until {0}, not {1}: the member&apos;s certificate of registration expires on {2}, and a certificate of professional conduct never runs past it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="152"/>
        <source>{0!r} is not a document (choose {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="168"/>
        <source>the member is recorded as deceased; no {0} is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="170"/>
        <source>a {0} is issued only to an active member (registration status is {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/issuing/rules.py" line="174"/>
        <source>the member&apos;s registration is revoked; no {0} is issued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <location filename="../../app/mail/mail_check.py" line="23"/>
        <source>Failed at step &apos;{0}&apos;: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/mail_check.py" line="40"/>
        <source>the mail server name {0} is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/mail_check.py" line="47"/>
        <location filename="../../app/mail/smtp.py" line="968"/>
        <source>The mail server {0} accepted the test message for {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="89"/>
        <location filename="../../app/mail/smtp.py" line="398"/>
        <source>must be one of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="93"/>
        <source>name the sending mailbox (or set smtp.from_address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="98"/>
        <source>is required for Microsoft 365 (the tenant ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="103"/>
        <source>is required for Microsoft 365 (the application&apos;s client ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="107"/>
        <source>must be a tenant ID or domain, not a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="124"/>
        <source>is empty; nothing was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="126"/>
        <source>must not contain a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="132"/>
        <source>for Google, give the service account&apos;s JSON key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="136"/>
        <source>is not a service account key (&quot;type&quot;: &quot;service_account&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="141"/>
        <source>the service account key has no {0!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="149"/>
        <source>a certificate credential must hold both the private key and its certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="156"/>
        <source>a client secret is one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="254"/>
        <source>The Microsoft identity platform ({0}) could not be reached: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="262"/>
        <source>The Microsoft identity platform ({0}) is not answering: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="270"/>
        <source>it is not known to the identity platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="273"/>
        <source>Microsoft 365 sign-in settings were refused: the tenant {0!r} (smtp.oauth.tenant): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="280"/>
        <source>Microsoft 365 sign-in settings were refused: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="289"/>
        <source>The Microsoft identity platform gave no token: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="293"/>
        <source>The Microsoft identity platform refused to give a token: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="312"/>
        <source>The Google service account key cannot be used: {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="323"/>
        <source>Google&apos;s token service gave no token: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="326"/>
        <source>Google refused to give a token: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="331"/>
        <source>Google&apos;s token service could not be reached: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="364"/>
        <location filename="../../app/mail/oauth.py" line="377"/>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="366"/>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="369"/>
        <source>its TLS certificate was not accepted ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="373"/>
        <location filename="../../app/mail/oauth.py" line="379"/>
        <source>the name is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="381"/>
        <source>its TLS certificate was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/oauth.py" line="403"/>
        <source>No OAuth secret is stored for the mail server; enter it in Settings (or &apos;settings set-password smtp-oauth&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="78"/>
        <source>certificate {0} has no recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="81"/>
        <source>certificate {0} has no request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="84"/>
        <source>certificate {0} has no member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="223"/>
        <source>{0} sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="226"/>
        <source>{0} failed for now (will be retried)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="229"/>
        <source>{0} failed permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="231"/>
        <source>{0} cancelled (certificate revoked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="234"/>
        <location filename="../../app/mail/outbox.py" line="508"/>
        <source>Sending is paused: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="465"/>
        <source>the message has no certificate to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="469"/>
        <source>certificate {0} has no signed PDF yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/mail/outbox.py" line="501"/>
        <source>Offline mode: nothing was sent; %n message(s) wait in the outbox.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="518"/>
        <source>The mail settings need attention: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="597"/>
        <source>Sending stopped by an unexpected error ({0}: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="619"/>
        <source>Not sent: certificate {0} was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="684"/>
        <source>The message cannot be built: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/mail/outbox.py" line="698"/>
        <source>Gave up after %n attempt(s). Last error: {0}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="719"/>
        <source>There is no outbox message {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="739"/>
        <source>This message is being sent right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="742"/>
        <source>This message was already sent; use &apos;Resend to…&apos; to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="746"/>
        <source>This message was cancelled; use &apos;Resend to…&apos; to send the certificate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="752"/>
        <location filename="../../app/mail/outbox.py" line="786"/>
        <source>Certificate {0} was revoked; it cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="783"/>
        <source>This message has no certificate to resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="790"/>
        <source>This message is being sent right now; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="806"/>
        <source>Replaced by a message to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="850"/>
        <source>This message is being sent right now; it cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/outbox.py" line="853"/>
        <source>This message was already sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="67"/>
        <source>DNS (finding the mail server&apos;s address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="68"/>
        <source>connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="69"/>
        <source>TLS (the secure connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="70"/>
        <source>token (the OAuth 2.0 identity platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="71"/>
        <source>authentication (signing in to the mail server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="72"/>
        <source>sender refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="73"/>
        <source>recipient refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="74"/>
        <source>message refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="96"/>
        <source>{0!r} is not a certificate number (CPC-YYYY-NNNNNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="100"/>
        <location filename="../../app/mail/smtp.py" line="300"/>
        <source>{0!r} is not a domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="197"/>
        <source>{0!r} is not CPC-YYYY-NNNNNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="204"/>
        <source>{0!r} is not a Message-ID (&lt;id@domain&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="207"/>
        <source>the certificate document is not a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="211"/>
        <source>{0!r} is not a certificate language (en, fr or bilingual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="296"/>
        <source>{0!r} is not a request number (R-0000000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="323"/>
        <source>must name the request {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="403"/>
        <source>&apos;none&apos; (no encryption) is allowed only for a server on this computer (127.0.0.1 or localhost), not {0}; choose starttls or tls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="491"/>
        <source>The CA certificate file {0} cannot be used: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="527"/>
        <source>The mail server {0} does not offer STARTTLS; choose &apos;tls&apos; or another server in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="543"/>
        <source>A user name is set for the mail server but no password is stored; enter it in Settings (or &apos;settings set-password smtp&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="552"/>
        <source>The mail server {0} does not offer sign-in (AUTH) on this connection; check the security setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="582"/>
        <source>The mail server {0} does not offer OAuth 2.0 sign-in (AUTH XOAUTH2) on this connection; check the server and the security setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="608"/>
        <source>The mail server refused the OAuth 2.0 token for {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="652"/>
        <source>The server refused the recipient {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="670"/>
        <location filename="../../app/mail/smtp.py" line="691"/>
        <source>The mail server {0} did not confirm the message within {1:g} seconds; it will be sent again with the same Message-ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="679"/>
        <source>The mail server {0} closed the connection before confirming the message; it will be sent again with the same Message-ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="703"/>
        <location filename="../../app/mail/smtp.py" line="716"/>
        <source>The server did not accept the message: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="740"/>
        <source>An address needs an international mail server (SMTPUTF8) and {0} does not support it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="759"/>
        <source>The server refused the sender: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="772"/>
        <location filename="../../app/mail/smtp.py" line="779"/>
        <location filename="../../app/mail/smtp.py" line="821"/>
        <source>The mail server {0} closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="799"/>
        <source>The mail server refused the user name or password: {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="808"/>
        <source>The mail server {0} does not support this: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="814"/>
        <source>The mail server {0} answered: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="826"/>
        <source>The mail server&apos;s TLS certificate was not accepted ({0}); check the host name, or add its CA file in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="835"/>
        <source>The secure connection to {0} failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="840"/>
        <source>Could not connect to the mail server {0}: connection refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="847"/>
        <source>The mail server {0} did not answer within {1:g} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="854"/>
        <source>The mail server name {0} is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="859"/>
        <source>Could not reach the mail server {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="865"/>
        <source>Mail error with {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="875"/>
        <source>This server no longer accepts a password (Basic authentication): set smtp.auth to oauth2-microsoft (see the README, &apos;Mail through Microsoft 365 or Google Workspace&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="881"/>
        <source>Google needs an app password here, or OAuth 2.0: set smtp.auth to oauth2-google.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/mail/smtp.py" line="931"/>
        <source>The message has no recipient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../app/printing/record.py" line="51"/>
        <source>No certificate with id {0}; nothing was marked printed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <location filename="../../app/register/csv_input.py" line="25"/>
        <source>an Excel workbook or another ZIP file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="26"/>
        <source>an old Excel or Word file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="27"/>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="28"/>
        <source>a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="29"/>
        <source>a JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="30"/>
        <source>an SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="31"/>
        <source>an RTF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="100"/>
        <source>{0!r} is not an encoding we read (use one of: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="121"/>
        <source>line {0}, byte {1} (0x{2:02X})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="161"/>
        <source>{0} is empty (0 bytes); there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="168"/>
        <source>{0} is not a CSV file: it looks like {1}. Save it as &apos;CSV UTF-8 (comma delimited)&apos; and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="179"/>
        <source>{0} cannot be read as {1}: {2} is not a character in that encoding. Check which encoding the file was saved in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="197"/>
        <source>{0} is not a CSV file: it contains binary data (a zero byte at byte {1:,}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="219"/>
        <source>{0} mixes encodings: it is written in UTF-8, but {1} is not UTF-8 (perhaps a line pasted from another file). Retype the characters on that line and save the file as &apos;CSV UTF-8&apos;, or, if the whole file is in another encoding, say which with --encoding (for example --encoding windows-1252).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="232"/>
        <source>{0} is not a text file in a known encoding ({1}). Save it as &apos;CSV UTF-8&apos; and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="274"/>
        <source>{0} does not exist or is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="288"/>
        <source>{0} has no text in it; there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="309"/>
        <source>{0} does not start with a header line naming the columns (expected {1}, …). Line {2} is: {3!r}. Is this the right file, and is it saved as CSV?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="320"/>
        <source>column {0} has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="323"/>
        <source>these columns appear twice: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="327"/>
        <source>required columns are missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="332"/>
        <source>these columns are not part of the format: {0} (the format&apos;s columns are {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="338"/>
        <source>The header of {0} (line {1}): {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="369"/>
        <source>{0} ends in the middle of the row starting on line {1}: a quoted value is never closed. The file may have been cut off while it was copied or saved; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="378"/>
        <source>Line {0} of {1} has a value longer than {2:,} characters; it is probably not a CSV file of the expected kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="385"/>
        <source>{0} cannot be read as CSV at line {1}: {2} (a value containing a quote must be wrapped in quotes, with the quote doubled: &quot;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="406"/>
        <source>has {0} values but the header names {1} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/csv_input.py" line="416"/>
        <source>{0} ends in the middle of line {1}: that row has {2} of {3} values and the file has no final line break. The file may have been cut off while it was copied or saved; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institution_import.py" line="96"/>
        <location filename="../../app/register/member_import.py" line="512"/>
        <source>the row {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institution_import.py" line="107"/>
        <source>must be yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institution_import.py" line="124"/>
        <source>repeats line {0}; each institution once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institution_import.py" line="217"/>
        <location filename="../../app/register/member_import.py" line="169"/>
        <location filename="../../app/register/member_import.py" line="483"/>
        <source>The import was stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institution_import.py" line="220"/>
        <source>{0} has a header but no institution rows; there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institution_types.py" line="65"/>
        <source>{0!r} is not an institution type; must be one of: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institutions.py" line="108"/>
        <location filename="../../app/register/institutions.py" line="175"/>
        <location filename="../../app/register/institutions.py" line="227"/>
        <source>Institution {0} is not in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/institutions.py" line="159"/>
        <source>{0} is already in the directory as a {1} (entry {2}); edit that entry instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="116"/>
        <source>%n row(s) read ({0})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="123"/>
        <source>added %n institution(s), updated {0}, unchanged {1}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="127"/>
        <source>added %n member(s), updated {0}, unchanged {1}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="133"/>
        <source>would add %n institution(s), update {0}, leave {1} unchanged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="140"/>
        <source>would add %n member(s), update {0}, leave {1} unchanged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="145"/>
        <source>%n row(s) refused</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="148"/>
        <source>dry run: nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="150"/>
        <source>nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="184"/>
        <source>is {0:,} characters long; at most {1:,} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="217"/>
        <source>must be a date written YYYY-MM-DD (for example 2024-03-31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="222"/>
        <source>is not a real date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="224"/>
        <source>is before 1850</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="231"/>
        <source>must contain at least one letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="244"/>
        <location filename="../../app/register/recipients.py" line="439"/>
        <location filename="../../app/register/recipients.py" line="448"/>
        <location filename="../../app/register/text.py" line="99"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="258"/>
        <source>must be 1 to 16 letters or digits (for example 123456)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="273"/>
        <source>must be one of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="279"/>
        <source>is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="291"/>
        <source>must be a telephone number (digits, spaces, + ( ) - . / and ext)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="312"/>
        <source>is before the initial registration date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="486"/>
        <source>{0} has a header but no member rows; there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/member_import.py" line="525"/>
        <source>repeats line {0}; each member once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/members.py" line="298"/>
        <source>No member with id {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="225"/>
        <source>is required (en, fr or bilingual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="231"/>
        <source>{0!r} is not a certificate language (en, fr or bilingual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="305"/>
        <source>{0!r} is not a country we know (use its name or 2-letter code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="320"/>
        <source>{0!r} is not a province or territory of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="322"/>
        <source>{0!r} is not a state of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="333"/>
        <source>{0!r} is not a Canadian postal code (format A1A 1A1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="339"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="342"/>
        <source>{0} is a postal code in {1}, not in {2}; check the postal code and the province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="353"/>
        <source>{0!r} is not a US ZIP code (format 12345 or 12345-6789)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="361"/>
        <location filename="../../app/register/text.py" line="103"/>
        <source>is {0} characters long; at most {1} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/recipients.py" line="384"/>
        <source>must be a directory number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="56"/>
        <source>contains a control character (U+{0:04X})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="61"/>
        <source>contains an invisible or direction-changing character (U+{0:04X}); retype it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="67"/>
        <source>contains an emoji or pictograph (U+{0:04X})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="72"/>
        <source>contains an unassigned or private-use character (U+{0:04X})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="79"/>
        <source>contains {0}, which the certificate&apos;s fonts cannot draw; write the name or address as the certificate is to show it, without that character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="95"/>
        <source>must be on one line (a line break was found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="117"/>
        <source>must be one email address, without a name or a second address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/register/text.py" line="123"/>
        <source>is not a valid email address ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/settings.py" line="38"/>
        <source>must be on one line (no line breaks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="51"/>
        <source>must be a whole number greater than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="56"/>
        <source>must be a port number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="78"/>
        <source>must be an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="100"/>
        <source>may only name an https address on this computer (for tests); leave it empty for the real identity platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="108"/>
        <source>must be https://host:port with nothing after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="324"/>
        <source>secrets are kept only in the OS keyring, never in settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="339"/>
        <source>must be true or false, not {0!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="342"/>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="347"/>
        <source>must be a whole number, not {0!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="352"/>
        <source>must not contain a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="357"/>
        <source>must be one of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="383"/>
        <source>cannot read the settings file ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="427"/>
        <source>no register is open to store it in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="450"/>
        <location filename="../../app/settings.py" line="463"/>
        <location filename="../../app/setting_changes.py" line="47"/>
        <source>no such setting (see &apos;settings list&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/setting_changes.py" line="40"/>
        <source>secrets are kept only in the OS keyring: use &apos;settings set-password smtp&apos; (or &apos;signing&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/setting_changes.py" line="49"/>
        <source>cannot be set here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/setting_changes.py" line="129"/>
        <source>{0!r} is not a secret CPC Desk keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/setting_changes.py" line="135"/>
        <source>is empty; nothing was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/setting_changes.py" line="137"/>
        <source>must be one line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../app/store/db.py" line="165"/>
        <source>The database at {0} was made by a newer version of CPC Desk (schema {1}; this version knows up to {2}). Install the newer version, or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/store/roles.py" line="95"/>
        <source>must be a role name of lower-case letters, digits and _ (at most 63)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/store/roles.py" line="138"/>
        <source>must differ from the desks&apos; role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/store/roles.py" line="142"/>
        <source>roles are for PostgreSQL; an SQLite file is guarded by its folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
