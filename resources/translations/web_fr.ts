<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>VerificationPage</name>
    <message>
        <location filename="../../app/web/page.py" line="92"/>
        <source>Check a certificate</source>
        <translation>Vérifier un certificat</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="93"/>
        <source>Certificate number</source>
        <translation>Numéro du certificat</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="94"/>
        <source>Verification code</source>
        <translation>Code de vérification</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="95"/>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="113"/>
        <source>Check a certificate file</source>
        <translation>Vérifier le fichier d&apos;un certificat</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="114"/>
        <source>The certificate PDF you received (at most {0} MB)</source>
        <translation>Le certificat en PDF que vous avez reçu ({0} Mo au plus)</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="115"/>
        <source>Check the file</source>
        <translation>Vérifier le fichier</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="129"/>
        <source>Certificates are signed digitally by the College. In your PDF reader, the signing certificate&apos;s SHA-256 fingerprint must be:</source>
        <translation>Les certificats portent la signature numérique de l&apos;Ordre. Dans votre lecteur PDF, l&apos;empreinte SHA-256 du certificat de signature doit être la suivante&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="134"/>
        <source>The College&apos;s signature</source>
        <translation>La signature de l&apos;Ordre</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="142"/>
        <source>{0}: certificate verification</source>
        <translation>{0}&#xa0;: vérification des certificats</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="160"/>
        <source>Check the number and the code as printed on the certificate. If they are right, the certificate is not one the College issued.</source>
        <translation>Vérifiez le numéro et le code tels qu&apos;ils figurent sur le certificat. S&apos;ils sont exacts, ce certificat n&apos;a pas été délivré par l&apos;Ordre.</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="171"/>
        <source>Class of registration (as certified)</source>
        <translation>Catégorie d&apos;inscription (selon le certificat)</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="176"/>
        <source>Status (as certified)</source>
        <translation>Statut (selon le certificat)</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="184"/>
        <source>What the certificate states</source>
        <translation>Ce qu&apos;atteste le certificat</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="192"/>
        <source>{0} since {1}</source>
        <translation>{0} depuis le {1}</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="196"/>
        <source>The register has changed since issue</source>
        <translation>Le registre a changé depuis la délivrance</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="197"/>
        <source>What the register shows now:</source>
        <translation>Ce que le registre indique maintenant&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="198"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="199"/>
        <source>Class of registration</source>
        <translation>Catégorie d&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="215"/>
        <source>Enter the number and the verification code printed on a Certificate of Professional Conduct, or check the PDF file itself.</source>
        <translation>Saisissez le numéro et le code de vérification imprimés sur un certificat de conduite professionnelle, ou faites vérifier le fichier PDF lui-même.</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="221"/>
        <source>Certificate verification</source>
        <translation>Vérification des certificats</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="229"/>
        <source>Certificate not found</source>
        <translation>Certificat introuvable</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="231"/>
        <source>Certificate {0}</source>
        <translation>Certificat {0}</translation>
    </message>
    <message>
        <location filename="../../app/web/page.py" line="249"/>
        <source>Certificate file check</source>
        <translation>Vérification d&apos;un fichier de certificat</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="92"/>
        <source>This is not a verification code: it is made of letters and digits, such as MQQH-ANDH-C5XE.</source>
        <translation>Ce n&apos;est pas un code de vérification&#xa0;: il se compose de lettres et de chiffres, par exemple MQQH-ANDH-C5XE.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="96"/>
        <source>This is not a certificate number: it has the form CPC-YYYY-NNNNNN.</source>
        <translation>Ce n&apos;est pas un numéro de certificat&#xa0;: il a la forme CPC-AAAA-NNNNNN.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="102"/>
        <source>The file is larger than 10 MB; no certificate is that large.</source>
        <translation>Le fichier dépasse 10 Mo; aucun certificat n&apos;est aussi volumineux.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="174"/>
        <location filename="../../app/web/service.py" line="342"/>
        <source>Not checked</source>
        <translation>Vérification impossible</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="197"/>
        <source>The language must be en (English) or fr (French).</source>
        <translation>La langue doit être en (anglais) ou fr (français).</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="211"/>
        <source>Only one number and one code may be given.</source>
        <translation>Veuillez donner un seul numéro et un seul code.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="222"/>
        <source>A certificate number and its code are needed.</source>
        <translation>Il faut un numéro de certificat et son code de vérification.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="233"/>
        <source>The certificate number is missing.</source>
        <translation>Il manque le numéro du certificat.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="241"/>
        <source>The verification code is missing.</source>
        <translation>Il manque le code de vérification.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="278"/>
        <source>The form could not be read; choose the PDF and send it.</source>
        <translation>Le formulaire n&apos;a pu être lu; choisissez le fichier PDF et envoyez-le.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="288"/>
        <source>No file was sent; choose the certificate PDF.</source>
        <translation>Aucun fichier n&apos;a été envoyé; choisissez le fichier PDF du certificat.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="298"/>
        <source>Send the PDF as a form upload (field pdf) or application/pdf.</source>
        <translation>Envoyez le PDF au moyen du formulaire (champ pdf) ou en tant que application/pdf.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="331"/>
        <source>Page not found</source>
        <translation>Page introuvable</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="332"/>
        <source>Not found. Certificates are checked at {0}</source>
        <translation>Page introuvable. Les certificats se vérifient à l&apos;adresse {0}</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="343"/>
        <source>The check could not be made just now; try again later.</source>
        <translation>La vérification ne peut être effectuée pour le moment; veuillez réessayer plus tard.</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="352"/>
        <source>Too many requests</source>
        <translation>Trop de demandes</translation>
    </message>
    <message>
        <location filename="../../app/web/service.py" line="354"/>
        <source>Too many requests from your address; wait a minute, then try again.</source>
        <translation>Trop de demandes proviennent de votre adresse; attendez une minute, puis réessayez.</translation>
    </message>
</context>
</TS>
