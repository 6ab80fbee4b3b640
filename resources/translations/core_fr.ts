<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>Access</name>
    <message>
      <location filename="../../app/access/permissions.py" line="31" />
      <source>search</source>
      <translation>rechercher</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="32" />
      <source>file request</source>
      <translation>déposer une demande</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="33" />
      <source>resend</source>
      <translation>renvoyer</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="34" />
      <source>batch print</source>
      <translation>lancer une impression par lots</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="35" />
      <source>review</source>
      <translation>examiner les demandes</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="36" />
      <source>revoke</source>
      <translation>révoquer</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="37" />
      <source>reissue</source>
      <translation>réémettre</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="38" />
      <source>import</source>
      <translation>importer</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="39" />
      <source>edit institutions</source>
      <translation>modifier les établissements</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="40" />
      <source>settings</source>
      <translation>modifier les paramètres</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="41" />
      <source>manage staff</source>
      <translation>gérer le personnel</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="42" />
      <source>view audit</source>
      <translation>consulter le journal d'audit</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="45" />
      <source>clerk</source>
      <translation>commis</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="46" />
      <source>registrar</source>
      <translation>registraire</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="47" />
      <source>admin</source>
      <translation>administrateur</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="97" />
      <source>Nobody is signed in: sign in to {0}.</source>
      <translation>Aucune session n'est ouverte : ouvrez une session pour {0}.</translation>
    </message>
    <message>
      <location filename="../../app/access/permissions.py" line="101" />
      <source>{0} ({1}) is not allowed to {2}</source>
      <translation>{0} ({1}) n'a pas le droit de {2}</translation>
    </message>
    <message>
      <location filename="../../app/access/secrets.py" line="50" />
      <source>No secure password store (OS keyring) is available on this computer. Passwords can be kept for this session only and must be entered again after a restart; they are never saved to a file.</source>
      <translation>Aucun magasin de mots de passe sécurisé (trousseau du système) n'est disponible sur cet ordinateur. Les mots de passe peuvent être conservés pour cette session seulement et devront être saisis de nouveau après un redémarrage; ils ne sont jamais enregistrés dans un fichier.</translation>
    </message>
    <message>
      <location filename="../../app/access/secrets.py" line="60" />
      <source>Passwords are kept in the OS keyring ({0}).</source>
      <translation>Les mots de passe sont conservés dans le trousseau du système ({0}).</translation>
    </message>
    <message>
      <location filename="../../app/access/secrets.py" line="95" />
      <source>The OS keyring refused to store the secret ({0}).</source>
      <translation>Le trousseau du système a refusé de conserver le secret ({0}).</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="89" />
      <source>is required</source>
      <translation>est obligatoire</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="93" />
      <source>must be 2 to 64 characters: letters a-z, digits, dot, dash or underscore, starting with a letter or digit</source>
      <translation>doit compter de 2 à 64 caractères : lettres a-z, chiffres, point, tiret ou trait de soulignement, et commencer par une lettre ou un chiffre</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="106" />
      <source>must be at least {0} characters long</source>
      <translation>doit compter au moins {0} caractères</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="110" />
      <source>must be at most {0} characters long</source>
      <translation>doit compter au plus {0} caractères</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="113" />
      <source>must not be only spaces</source>
      <translation>ne doit pas contenir que des espaces</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="115" />
      <source>must not be the same as the username</source>
      <translation>ne doit pas être identique au nom d'utilisateur</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="121" />
      <source>must not contain control characters</source>
      <translation>ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="123" />
      <source>must be at most 200 characters</source>
      <translation>doit compter au plus 200 caractères</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="146" />
      <source>No staff account named {0!r}</source>
      <translation>Aucun compte du personnel ne porte le nom {0!r}</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="186" />
      <source>{0!r} is already taken</source>
      <translation>{0!r} est déjà utilisé</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="216" />
      <source>The administrator already exists; sign in instead.</source>
      <translation>L'administrateur existe déjà; ouvrez plutôt une session.</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="252" />
      <source>Wrong username or password.</source>
      <translation>Nom d'utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="293" />
      <source>This account has been deactivated. Ask an administrator.</source>
      <translation>Ce compte a été désactivé. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="318" />
      <source>This account is locked after too many wrong passwords. Try again after {0}, or ask an administrator to unlock it.</source>
      <translation>Ce compte est verrouillé après trop de mots de passe erronés. Réessayez après {0}, ou demandez à un administrateur de le déverrouiller.</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="356" />
      <source>This database has its own staff accounts, so demo sign-in is off. Sign in with your account.</source>
      <translation>Cette base de données a ses propres comptes du personnel; l'ouverture de session de démonstration est donc désactivée. Ouvrez une session avec votre compte.</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="365" />
      <source>The demo clerk's account has been deactivated. Sign in as another user.</source>
      <translation>Le compte du commis de démonstration a été désactivé. Ouvrez une session sous un autre utilisateur.</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="382" />
      <source>is not correct</source>
      <translation>est incorrect</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="400" />
      <source>the last active administrator cannot be given another role</source>
      <translation>le dernier administrateur actif ne peut pas recevoir un autre rôle</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="419" />
      <source>you cannot deactivate your own account</source>
      <translation>vous ne pouvez pas désactiver votre propre compte</translation>
    </message>
    <message>
      <location filename="../../app/access/staff.py" line="423" />
      <source>the last active administrator cannot be deactivated</source>
      <translation>le dernier administrateur actif ne peut pas être désactivé</translation>
    </message>
  </context>
  <context>
    <name>Audit</name>
    <message>
      <location filename="../../app/audit/anchor.py" line="65" />
      <source>the signing key is neither RSA nor EC</source>
      <translation>la clé de signature n'est ni RSA ni EC</translation>
    </message>
    <message>
      <location filename="../../app/audit/anchor.py" line="96" />
      <source>{0} holds no signing key and certificate</source>
      <translation>{0} ne contient ni clé de signature ni certificat</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="252" />
      <source>the trail's head names events that are no longer there</source>
      <translation>la tête du journal désigne des événements qui n'y sont plus</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="260" />
      <source>event {0} before this change is not covered by a signed checkpoint</source>
      <translation>l'événement {0}, antérieur à cette modification, n'est couvert par aucun point de contrôle signé</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="266" />
      <source>the checkpoint of event {0} does not carry this key's signature</source>
      <translation>le point de contrôle de l'événement {0} ne porte pas la signature de cette clé</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="341" />
      <location filename="../../app/audit/trail.py" line="383" />
      <source>event {0}</source>
      <translation>événement {0}</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="364" />
      <source>checkpoint {0} (for event {1}) does not carry the College's signature: it was forged or altered</source>
      <translation>le point de contrôle {0} (pour l'événement {1}) ne porte pas la signature de l'Ordre : il a été contrefait ou modifié</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="369" />
      <source>checkpoint {0}</source>
      <translation>point de contrôle {0}</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="385" />
      <source>the start of the trail</source>
      <translation>le début du journal</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="389" />
      <source>event {0} ({1}) does not follow {2}: an event between them was removed, or one of them was rewritten</source>
      <translation>l'événement {0} ({1}) ne fait pas suite à {2} : un événement intermédiaire a été supprimé, ou l'un d'eux a été réécrit</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="410" />
      <source>event {0} ({1} by {2} at {3}) was altered after it was written</source>
      <translation>l'événement {0} ({1} par {2} le {3}) a été modifié après son écriture</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="419" />
      <source>event {0} ({1} by {2}) is not the event checkpoint {3} signed on {4}: the trail up to it was rewritten</source>
      <translation>l'événement {0} ({1} par {2}) n'est pas celui que le point de contrôle {3} a signé le {4} : le journal a été réécrit jusqu'à ce point</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="432" />
      <source>the row seals event {0} ({1} by {2}) vouches for were altered (it vouches for {3}, {4} are there)</source>
      <translation>les sceaux de lignes que garantit l'événement {0} ({1} par {2}) ont été modifiés (il en garantit {3}, il y en a {4})</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="446" />
      <source>the newest events were removed: the trail ends at event {0}, but event {1} was written</source>
      <translation>les événements les plus récents ont été supprimés : le journal se termine à l'événement {0}, mais l'événement {1} a été écrit</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="455" />
      <source>the trail's head (audit_head) was removed: the trail ends at event {0}, and nothing says it ended there</source>
      <translation>la tête du journal (audit_head) a été supprimée : le journal se termine à l'événement {0}, et rien n'indique qu'il se terminait là</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="460" />
      <source>the trail's head</source>
      <translation>la tête du journal</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="468" />
      <source>checkpoint {0}, signed on {1}, covers event {2}, which is no longer in the trail (it ends at event {3}): events were removed</source>
      <translation>le point de contrôle {0}, signé le {1}, couvre l'événement {2}, qui ne figure plus au journal (il se termine à l'événement {3}) : des événements ont été supprimés</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="478" />
      <source>events {0} to {1} are not covered by a checkpoint signed with the College's key: they were written or rewritten without it, or their checkpoints were removed (if they are genuine, sign one with 'cpc-desk audit checkpoint' at a desk holding the key)</source>
      <translation>les événements {0} à {1} ne sont couverts par aucun point de contrôle signé avec la clé de l'Ordre : ils ont été écrits ou réécrits sans elle, ou leurs points de contrôle ont été supprimés (s'ils sont authentiques, signez-en un avec « cpc-desk audit checkpoint » à un poste qui détient la clé)</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="502" />
      <source>{0} is not in the trail: it was added outside CPC Desk</source>
      <translation>{0} ne figure pas au journal : il a été ajouté en dehors de CPC Desk</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="513" />
      <source>{0} was deleted by event {1} but is back: restored outside CPC Desk</source>
      <translation>{0} a été supprimé par l'événement {1}, mais il est revenu : restauré en dehors de CPC Desk</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="520" />
      <source>its values</source>
      <translation>ses valeurs</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="526" />
      <source>{0} does not agree with the trail (last written by event {1}): {2} changed outside CPC Desk</source>
      <translation>{0} ne concorde pas avec le journal (dernière écriture par l'événement {1}) : {2} modifié en dehors de CPC Desk</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="538" />
      <source>{0} (last written by event {1}) was deleted outside CPC Desk</source>
      <translation>{0} (dernière écriture par l'événement {1}) a été supprimé en dehors de CPC Desk</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="567" />
      <source>the 'from' date is after the 'to' date</source>
      <translation>la date de début est postérieure à la date de fin</translation>
    </message>
    <message>
      <location filename="../../app/audit/trail.py" line="642" />
      <source>not signed, the trail does not hold together: {0}</source>
      <translation>non signé, le journal n'est pas cohérent : {0}</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="130" />
      <source>member</source>
      <translation>membre</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="131" />
      <source>institution</source>
      <translation>établissement</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="132" />
      <source>certificate</source>
      <translation>certificat</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="133" />
      <source>recipient</source>
      <translation>destinataire</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="134" />
      <source>staff account</source>
      <translation>compte du personnel</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="135" />
      <source>setting</source>
      <translation>paramètre</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="363" />
      <source>request {0}</source>
      <translation>demande {0}</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="368" />
      <source>{0} {1}</source>
      <translation>{0} {1}</translation>
    </message>
    <message>
      <location filename="../../app/audit/seals.py" line="369" />
      <source>{0} {1} (id {2})</source>
      <translation>{0} {1} (identifiant {2})</translation>
    </message>
  </context>
  <context>
    <name>Batch</name>
    <message>
      <location filename="../../app/batch/run.py" line="174" />
      <source>the member's register entry ({0}) {1}</source>
      <translation>l'inscription du membre au tableau ({0}) {1}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="208" />
      <source>line {0}: {1}: {2}</source>
      <translation>ligne {0} : {1} : {2}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="269" />
      <source>Batch {0} ({1} rows, sha256 {2}…)</source>
      <translation>Lot {0} ({1} lignes, sha256 {2}…)</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="275" />
      <source>Nothing issued: {0} row(s) refused. Correct them, or run again with --skip-invalid to issue the valid rows.</source>
      <translation>Rien n'a été émis : {0} ligne(s) refusée(s). Corrigez-les, ou relancez avec --skip-invalid pour émettre les lignes valides.</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="282" />
      <source>Issued now: {0}</source>
      <translation>Émis maintenant : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="285" />
      <source>Completed from an interrupted run: {0}</source>
      <translation>Terminés à partir d'un traitement interrompu : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="289" />
      <source>Already issued by an earlier run: {0}</source>
      <translation>Déjà émis par un traitement antérieur : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="293" />
      <source>Refused rows: {0}</source>
      <translation>Lignes refusées : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="297" />
      <source>Held for registrar review: line {0}, {1} (CPSO {2}): {3}</source>
      <translation>Retenue pour l'examen du registraire : ligne {0}, {1} (CPSO {2}) : {3}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="302" />
      <source>Cancelled: run the same file again to issue the rest.</source>
      <translation>Annulé : relancez le même fichier pour émettre le reste.</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="305" />
      <source>Signed without a timestamp (offline batch): each signature's time is this computer's clock; certificates sent by email are always timestamped</source>
      <translation>Signé sans horodatage (lot hors ligne) : l'heure de chaque signature est celle de l'horloge de cet ordinateur; les certificats envoyés par courriel sont toujours horodatés</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="312" />
      <source>Emails queued in the outbox: {0}</source>
      <translation>Courriels mis en file dans la boîte d'envoi : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="315" />
      <source>Certificate files written: {0} in {1}</source>
      <translation>Fichiers de certificat écrits : {0} dans {1}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="321" />
      <source>Merged print file: {0} ({1} pages)</source>
      <translation>Fichier d'impression fusionné : {0} ({1} pages)</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="326" />
      <source>Report of refused and held rows: {0}</source>
      <translation>Rapport des lignes refusées et retenues : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="412" />
      <source>these columns appear twice: {0}</source>
      <translation>ces colonnes figurent deux fois : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="424" />
      <source>required columns are missing: {0}</source>
      <translation>des colonnes obligatoires manquent : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="434" />
      <source>has more than {0:,} rows; split it into several files</source>
      <translation>compte plus de {0:,} lignes; répartissez-le en plusieurs fichiers</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="455" />
      <source>{0!r} is not one of: {1}</source>
      <translation>{0!r} ne fait pas partie de : {1}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="464" />
      <source>{0!r} is not a date written as YYYY-MM-DD</source>
      <translation>{0!r} n'est pas une date écrite AAAA-MM-JJ</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="468" />
      <source>{0} is in the future</source>
      <translation>{0} est dans le futur</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="496" />
      <source>{0!r} is not in the institution directory{1}; give the full address columns (institution_type, street1, city, state, country, zip, email)</source>
      <translation>{0!r} ne figure pas dans le répertoire des établissements{1}; remplissez toutes les colonnes d'adresse (institution_type, street1, city, state, country, zip, email)</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="507" />
      <source>{0!r} is in the directory under several types ({1}); fill in institution_type</source>
      <translation>{0!r} figure dans le répertoire sous plusieurs types ({1}); remplissez institution_type</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="601" />
      <source>a {0} goes to the member; leave it empty</source>
      <translation>un document « {0} » est adressé au membre; laissez ce champ vide</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="614" />
      <source>the member has no email address on file; give one</source>
      <translation>le membre n'a pas d'adresse courriel au dossier; indiquez-en une</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="651" />
      <source>{0} cannot be read ({1})</source>
      <translation>{0} ne peut pas être lu ({1})</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="655" />
      <source>{0} changed while it was being read; try again</source>
      <translation>{0} a changé pendant sa lecture; réessayez</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="658" />
      <source>has a header but no rows</source>
      <translation>a une ligne d'en-tête mais aucune ligne de données</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="694" />
      <source>no member has CPSO number {0!r}</source>
      <translation>aucun membre ne porte le numéro CPSO {0!r}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="747" />
      <source>repeats line {0} (same member and document)</source>
      <translation>répète la ligne {0} (même membre et même document)</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="751" />
      <source>repeats line {0} (same member and institution): one certificate per member and institution</source>
      <translation>répète la ligne {0} (même membre et même établissement) : un certificat par membre et par établissement</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="797" />
      <source>needs registrar review: {0} (request {1})</source>
      <translation>exige l'examen du registraire : {0} (demande {1})</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="801" />
      <source>needs registrar review: {0}</source>
      <translation>exige l'examen du registraire : {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="880" />
      <source>member {0} vanished from the register</source>
      <translation>le membre {0} a disparu du tableau</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1029" />
      <location filename="../../app/batch/run.py" line="1149" />
      <source>line {0}</source>
      <translation>ligne {0}</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1031" />
      <location filename="../../app/batch/run.py" line="1151" />
      <source>a certificate of an earlier run</source>
      <translation>un certificat d'une exécution précédente</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1033" />
      <source>drawing the certificate of {0} (CPSO {1}) for {2} stopped the process that draws certificates twice; its number was voided and nothing was issued for this row. File the request again at the desk (or report the fault if it happens again)</source>
      <translation>le tracé du certificat de {0} (CPSO {1}) destiné à {2} a arrêté deux fois le processus qui trace les certificats; son numéro a été annulé et rien n'a été délivré pour cette ligne. Déposez de nouveau la demande au poste (ou signalez l'anomalie si elle se reproduit)</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1050" />
      <source>{0} – refused</source>
      <translation>{0} – refusée</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1153" />
      <source>{0} ({1}, for {2})</source>
      <translation>{0} ({1}, pour {2})</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1158" />
      <source>The process drawing the certificates stopped (out of memory, or ended by the system) while drawing {0}. The certificates already finished are kept; run the same file again to finish the rest.</source>
      <translation>Le processus qui produit les certificats s'est arrêté (mémoire insuffisante, ou arrêt par le système) pendant la production de {0}. Les certificats déjà terminés sont conservés; relancez le même fichier pour terminer le reste.</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1168" />
      <source>The certificate of {0} could not be drawn: {1}. Correct the member or the row and run the same file again.</source>
      <translation>Le certificat de {0} n'a pas pu être produit : {1}. Corrigez le membre ou la ligne, puis relancez le même fichier.</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1196" />
      <source>certificate {0} vanished</source>
      <translation>le certificat {0} a disparu</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1334" />
      <source>the merged print file is incomplete: a document was never stored</source>
      <translation>le fichier d'impression fusionné est incomplet : un document n'a jamais été enregistré</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1485" />
      <source>Another desk is issuing {0} at this moment (it has just filed line {1}, {2}), so this run stopped without numbering it twice. Let that run finish, then run the same file again to check that every row is done; the certificates issued so far are kept.</source>
      <translation>Un autre poste émet {0} en ce moment (il vient de déposer la ligne {1}, {2}); ce traitement s'est donc arrêté sans le numéroter deux fois. Laissez ce traitement se terminer, puis relancez le même fichier pour vérifier que chaque ligne est traitée; les certificats déjà émis sont conservés.</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1620" />
      <source>an earlier run of this file voided its certificate {0}: drawing it stopped the process that draws certificates twice. File the request again at the desk</source>
      <translation>une exécution précédente de ce fichier a annulé son certificat {0} : son tracé a arrêté deux fois le processus qui trace les certificats. Déposez de nouveau la demande au poste</translation>
    </message>
    <message>
      <location filename="../../app/batch/run.py" line="1833" />
      <source>the document of certificate {0} is missing</source>
      <translation>le document du certificat {0} est introuvable</translation>
    </message>
  </context>
  <context>
    <name>Document</name>
    <message>
      <location filename="../../app/document/certificates.py" line="274" />
      <source>the font file {0} is missing; reinstall CPC Desk</source>
      <translation>le fichier de police {0} est introuvable; réinstallez CPC Desk</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="363" />
      <source>contains {0}, a right-to-left character that the certificate cannot print correctly; enter the name as registered in Latin letters</source>
      <translation>contient {0}, un caractère qui s'écrit de droite à gauche et que le certificat ne peut pas imprimer correctement; saisissez le nom tel qu'il est inscrit, en lettres latines</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="373" />
      <source>contains {0}, an emoji or pictograph, which a certificate does not print</source>
      <translation>contient {0}, un émoji ou un pictogramme, qu'un certificat n'imprime pas</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="381" />
      <source>contains the character {0}, which no font of the certificate can draw; correct the text or remove the character</source>
      <translation>contient le caractère {0}, qu'aucune police du certificat ne peut tracer; corrigez le texte ou retirez ce caractère</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="432" />
      <source>contains a control character ({0})</source>
      <translation>contient un caractère de contrôle ({0})</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="445" />
      <source>is required on a certificate</source>
      <translation>est obligatoire sur un certificat</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="713" />
      <source>is too long to fit in the certificate's QR code</source>
      <translation>est trop long pour tenir dans le code QR du certificat</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="805" />
      <location filename="../../app/document/member_documents.py" line="216" />
      <location filename="../../app/document/member_documents.py" line="307" />
      <source>the image {0} cannot be read (use a PNG or JPEG file)</source>
      <translation>l'image {0} ne peut pas être lue (utilisez un fichier PNG ou JPEG)</translation>
    </message>
    <message>
      <location filename="../../app/document/certificates.py" line="1500" />
      <source>is too long to fit on the certificate page ({0} characters); shorten it</source>
      <translation>est trop long pour tenir sur la page du certificat ({0} caractères); raccourcissez-le</translation>
    </message>
    <message>
      <location filename="../../app/document/member_documents.py" line="55" />
      <source>{0!r} is not a document CPC Desk draws</source>
      <translation>{0!r} n'est pas un document que CPC Desk produit</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="121" />
      <location filename="../../app/document/signing.py" line="498" />
      <source>the signing key file {0} cannot be found</source>
      <translation>le fichier de clé de signature {0} est introuvable</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="177" />
      <source>store it with 'settings set-password signing', or give it with --pin-stdin</source>
      <translation>conservez-le avec « settings set-password signing », ou fournissez-le avec --pin-stdin</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="180" />
      <source>no OS keyring here: give it with --pin-stdin, or enter it at sign-in in the window</source>
      <translation>aucun trousseau du système ici : fournissez-le avec --pin-stdin, ou saisissez-le à l'ouverture de session dans la fenêtre</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="190" />
      <location filename="../../app/document/trust.py" line="96" />
      <source>cannot read {0} ({1})</source>
      <translation>impossible de lire {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="197" />
      <source>cannot open {0}: the passphrase is wrong or the file is not a PKCS#12 key file ({1})</source>
      <translation>impossible d'ouvrir {0} : la phrase secrète est erronée ou le fichier n'est pas un fichier de clé PKCS#12 ({1})</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="204" />
      <location filename="../../app/document/signing.py" line="318" />
      <source>{0} holds no signing key and certificate</source>
      <translation>{0} ne contient ni clé de signature ni certificat</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="222" />
      <source>the PIN of token {0!r} is needed ({1})</source>
      <translation>le NIP du jeton {0!r} est requis ({1})</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="229" />
      <source>the PKCS#11 module {0} cannot be found</source>
      <translation>le module PKCS#11 {0} est introuvable</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="248" />
      <source>token {0!r} is already signed in with another PIN in this program; restart it to enter the PIN again</source>
      <translation>le jeton {0!r} est déjà ouvert avec un autre NIP dans ce programme; redémarrez-le pour saisir de nouveau le NIP</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="257" />
      <source>token {0!r} refused the PIN ({1})</source>
      <translation>le jeton {0!r} a refusé le NIP ({1})</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="261" />
      <source>cannot open token {0!r} with {1} ({2})</source>
      <translation>impossible d'ouvrir le jeton {0!r} avec {1} ({2})</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="274" />
      <source>token {0!r} holds no key and certificate labelled {1!r} ({2})</source>
      <translation>le jeton {0!r} ne contient ni clé ni certificat nommé {1!r} ({2})</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="475" />
      <source>is needed with {0}: the root certificate of the time-stamping authority, so that its timestamps can be checked and their validation data embedded</source>
      <translation>est requis avec {0} : le certificat racine de l'autorité d'horodatage, afin que ses horodatages puissent être vérifiés et leurs données de validation intégrées</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="555" />
      <source>the PIN of the signing token {0!r}</source>
      <translation>le NIP du jeton de signature {0!r}</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="562" />
      <source>the passphrase of the signing key file {0}</source>
      <translation>la phrase secrète du fichier de clé de signature {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="574" />
      <source>enter the PIN or passphrase on one line</source>
      <translation>saisissez le NIP ou la phrase secrète sur une seule ligne</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="873" />
      <source>the time-stamping authority {0} refused the request (HTTP {1}); the certificate was not signed</source>
      <translation>l'autorité d'horodatage {0} a refusé la demande (HTTP {1}); le certificat n'a pas été signé</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="882" />
      <source>the time-stamping authority {0} cannot be reached ({1}); the certificate was not signed</source>
      <translation>l'autorité d'horodatage {0} est injoignable ({1}); le certificat n'a pas été signé</translation>
    </message>
    <message>
      <location filename="../../app/document/signing.py" line="896" />
      <source>the time-stamping authority {0} answered with something that is not a timestamp; the certificate was not signed</source>
      <translation>l'autorité d'horodatage {0} a répondu par autre chose qu'un horodatage; le certificat n'a pas été signé</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="104" />
      <source>{0} holds no certificate (PEM or DER expected)</source>
      <translation>{0} ne contient aucun certificat (PEM ou DER attendu)</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="145" />
      <source>{0} in its chain is not a certificate authority</source>
      <translation>{0}, dans sa chaîne, n'est pas une autorité de certification</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="149" />
      <source>{0} in its chain is not valid on {1}</source>
      <translation>{0}, dans sa chaîne, n'est pas valide le {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="155" />
      <location filename="../../app/document/trust.py" line="158" />
      <source>its chain does not lead to the configured root ({0})</source>
      <translation>sa chaîne ne mène pas à la racine configurée ({0})</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="179" />
      <source>the signing certificate expired on {0}</source>
      <translation>le certificat de signature a expiré le {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="183" />
      <source>the signing certificate is not valid until {0}</source>
      <translation>le certificat de signature n'est pas valide avant le {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="192" />
      <source>the signing certificate does not allow digital signatures (no digitalSignature key usage)</source>
      <translation>le certificat de signature ne permet pas les signatures numériques (pas d'usage de clé digitalSignature)</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="198" />
      <source>the signing key is too weak (RSA {0} bits; at least {1} needed)</source>
      <translation>la clé de signature est trop faible (RSA {0} bits; au moins {1} requis)</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="202" />
      <source>no College root certificate is configured (setting signing.root_certificate)</source>
      <translation>aucun certificat racine de l'Ordre n'est configuré (paramètre signing.root_certificate)</translation>
    </message>
    <message>
      <location filename="../../app/document/trust.py" line="218" />
      <source>this key cannot sign: {0}</source>
      <translation>cette clé ne peut pas signer : {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="34" />
      <source>altered after signing</source>
      <translation>modifié après la signature</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="35" />
      <source>damaged</source>
      <translation>endommagé</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="36" />
      <source>not signed by this College's signing certificate</source>
      <translation>non signé par le certificat de signature de l'Ordre</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="37" />
      <source>unknown certificate number</source>
      <translation>numéro de certificat inconnu</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="38" />
      <source>does not match the issued certificate</source>
      <translation>ne correspond pas au certificat émis</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="60" />
      <source>Certificate {0} is genuine and valid.</source>
      <translation>Le certificat {0} est authentique et valide.</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="62" />
      <source>Certificate {0} is NOT valid: {1}.</source>
      <translation>Le certificat {0} n'est PAS valide : {1}.</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="65" />
      <source>This file is NOT valid: {0}.</source>
      <translation>Ce fichier n'est PAS valide : {0}.</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="83" />
      <source>not a certificate: the file is {0:.0f} MB, over the {1} MB limit</source>
      <translation>pas un certificat : le fichier fait {0:.0f} Mo, au-delà de la limite de {1} Mo</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="129" />
      <source>{0}: the digital signature cannot be read from the file</source>
      <translation>{0} : la signature numérique ne peut pas être lue dans le fichier</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="150" />
      <source>not signed: the file carries no digital signature</source>
      <translation>non signé : le fichier ne porte aucune signature numérique</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="157" />
      <source>{0}: the file is shorter than the content that was signed (cut off)</source>
      <translation>{0} : le fichier est plus court que le contenu signé (tronqué)</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="174" />
      <source>{0}: the digital signature cannot be checked against the file</source>
      <translation>{0} : la signature numérique ne peut pas être vérifiée par rapport au fichier</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="181" />
      <source>{0}: the file's content no longer matches its digital signature</source>
      <translation>{0} : le contenu du fichier ne correspond plus à sa signature numérique</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="186" />
      <source>the digital signature is intact</source>
      <translation>la signature numérique est intacte</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="198" />
      <location filename="../../app/document/verification.py" line="295" />
      <source>{0}: content was added to the file after it was signed</source>
      <translation>{0} : du contenu a été ajouté au fichier après sa signature</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="207" />
      <source>{0} (it was signed by {1})</source>
      <translation>{0} (il a été signé par {1})</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="214" />
      <source>{0}: it was signed on {1} with a signing certificate retired on {2}</source>
      <translation>{0} : il a été signé le {1} avec un certificat de signature retiré le {2}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="222" />
      <source>signed by {0} (DEMO trust)</source>
      <translation>signé par {0} (confiance de DÉMONSTRATION)</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="224" />
      <source>signed by {0}</source>
      <translation>signé par {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="230" />
      <source>timestamped by a trusted authority at {0}</source>
      <translation>horodaté par une autorité de confiance le {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="234" />
      <source>{0}: its timestamp ({1}) is not from a time-stamping authority this desk trusts (setting signing.tsa_root_certificate)</source>
      <translation>{0} : son horodatage ({1}) ne provient pas d'une autorité d'horodatage à laquelle ce poste fait confiance (paramètre signing.tsa_root_certificate)</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="242" />
      <source>signed at {0} by the signing desk's clock (no timestamp)</source>
      <translation>signé le {0} selon l'horloge du poste signataire (sans horodatage)</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="303" />
      <source>{0}: the file is cut off or broken and cannot be read as a PDF</source>
      <translation>{0} : le fichier est tronqué ou endommagé et ne peut pas être lu comme un PDF</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="334" />
      <source>its signing certificate had expired ({0}) when it signed on {1}</source>
      <translation>son certificat de signature avait expiré ({0}) lorsqu'il a signé le {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="338" />
      <source>its signing certificate was not yet valid when it signed on {0}</source>
      <translation>son certificat de signature n'était pas encore valide lorsqu'il a signé le {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="341" />
      <source>its signing certificate does not chain to the College's root certificate</source>
      <translation>son certificat de signature ne se rattache pas au certificat racine de l'Ordre</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="355" />
      <source>not a PDF file</source>
      <translation>pas un fichier PDF</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="364" />
      <source>{0}: the file names no certificate number of this College</source>
      <translation>{0} : le fichier ne mentionne aucun numéro de certificat de l'Ordre</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="383" />
      <source>{0}: {1} is not on record</source>
      <translation>{0} : {1} ne figure pas au registre</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="397" />
      <source>{0}: this file is not the one issued as {1}</source>
      <translation>{0} : ce fichier n'est pas celui émis sous le numéro {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="403" />
      <source>the file is the one issued as {0} on {1}</source>
      <translation>le fichier est celui émis sous le numéro {0} le {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="275" />
      <location filename="../../app/document/verification.py" line="411" />
      <source>an unknown date</source>
      <translation>une date inconnue</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="414" />
      <source>revoked on {0} because {1}</source>
      <translation>révoqué le {0} pour le motif suivant : {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="415" />
      <source>no reason was recorded</source>
      <translation>aucun motif n'a été consigné</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="419" />
      <source>it has not been revoked</source>
      <translation>il n'a pas été révoqué</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="422" />
      <source>expired on {0} (it was valid until {1})</source>
      <translation>expiré le {0} (il était valide jusqu'au {1})</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="429" />
      <source>not yet valid: it is dated {0}</source>
      <translation>pas encore valide : il est daté du {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="435" />
      <source>it is valid until {0}</source>
      <translation>il est valide jusqu'au {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="443" />
      <source>the register still states what the certificate states</source>
      <translation>le tableau indique toujours ce que le certificat indique</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="461" />
      <source>There is no certificate {0}.</source>
      <translation>Il n'existe aucun certificat {0}.</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="465" />
      <source>{0} was already revoked earlier</source>
      <translation>{0} a déjà été révoqué auparavant</translation>
    </message>
    <message>
      <location filename="../../app/document/verification.py" line="469" />
      <source>{0} was already revoked on {1}</source>
      <translation>{0} a déjà été révoqué le {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification_address.py" line="35" />
      <source>Certificate {0} does not exist</source>
      <translation>Le certificat {0} n'existe pas</translation>
    </message>
    <message>
      <location filename="../../app/document/verification_address.py" line="44" />
      <source>must be an http:// or https:// address</source>
      <translation>doit être une adresse http:// ou https://</translation>
    </message>
    <message>
      <location filename="../../app/document/verification_address.py" line="53" />
      <source>{0} answered {1} {2}</source>
      <translation>{0} a répondu {1} {2}</translation>
    </message>
    <message>
      <location filename="../../app/document/verification_address.py" line="58" />
      <source>{0} cannot be reached ({1})</source>
      <translation>{0} est injoignable ({1})</translation>
    </message>
    <message>
      <location filename="../../app/document/verification_address.py" line="63" />
      <source>{0} answers, but not with the certificate verification page</source>
      <translation>{0} répond, mais pas avec la page de vérification des certificats</translation>
    </message>
    <message>
      <location filename="../../app/document/file_check.py" line="39" />
      <source>This file is not a PDF.</source>
      <translation>Ce fichier n'est pas un PDF.</translation>
    </message>
    <message>
      <location filename="../../app/document/file_check.py" line="41" />
      <source>This file is NOT a certificate as the College issued it: it was changed after issue or was never issued by the College.</source>
      <translation>Ce fichier N'EST PAS un certificat tel que l'Ordre l'a délivré : il a été modifié après sa délivrance ou n'a jamais été délivré par l'Ordre.</translation>
    </message>
    <message>
      <location filename="../../app/document/file_check.py" line="47" />
      <source>It names {0}.</source>
      <translation>Il porte le numéro {0}.</translation>
    </message>
    <message>
      <location filename="../../app/document/file_check.py" line="50" />
      <source>This file matches the record of {0}, but its signature does not check as the College's.</source>
      <translation>Ce fichier correspond au dossier du certificat {0}, mais sa signature n'est pas reconnue comme celle de l'Ordre.</translation>
    </message>
    <message>
      <location filename="../../app/document/file_check.py" line="54" />
      <source>This file is exactly certificate {0} as the College issued and signed it. {1}</source>
      <translation>Ce fichier est exactement le certificat {0} tel que l'Ordre l'a délivré et signé. {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="104" />
      <source>status {0}</source>
      <translation>statut : {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="107" />
      <source>no class of registration on record any more</source>
      <translation>plus aucune catégorie d'inscription au registre</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="108" />
      <source>no terms, conditions and limitations on record any more</source>
      <translation>plus aucune condition ni restriction au registre</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="111" />
      <source>no discipline findings on record any more</source>
      <translation>plus aucune conclusion disciplinaire au registre</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="112" />
      <source>no pending investigations on record any more</source>
      <translation>plus aucune enquête en cours au registre</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="119" />
      <source>class of registration recorded</source>
      <translation>catégorie d'inscription ajoutée</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="120" />
      <source>terms, conditions or limitations recorded</source>
      <translation>conditions ou restrictions inscrites</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="121" />
      <source>discipline finding recorded</source>
      <translation>conclusion disciplinaire inscrite</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="122" />
      <source>pending investigation recorded</source>
      <translation>enquête en cours inscrite</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="126" />
      <source>class of registration changed</source>
      <translation>catégorie d'inscription modifiée</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="127" />
      <source>terms, conditions and limitations changed</source>
      <translation>conditions et restrictions modifiées</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="128" />
      <source>discipline findings changed</source>
      <translation>conclusions disciplinaires modifiées</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="129" />
      <source>pending investigations changed</source>
      <translation>enquêtes en cours modifiées</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="141" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="142" />
      <source>Class of registration</source>
      <translation>Catégorie d'inscription</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="143" />
      <source>Terms, conditions and limitations</source>
      <translation>Modalités, conditions et restrictions</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="144" />
      <source>Discipline findings</source>
      <translation>Conclusions disciplinaires</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="145" />
      <source>Pending investigations</source>
      <translation>Enquêtes en cours</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="201" />
      <source>No certificate matches this number and verification code.</source>
      <translation>Aucun certificat ne correspond à ce numéro et à ce code de vérification.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="204" />
      <source>Certificate {0} is valid until {1}.</source>
      <translation>Le certificat {0} est valide jusqu'au {1}.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="209" />
      <source>Certificate {0} was revoked on an unknown date.</source>
      <translation>Le certificat {0} a été révoqué à une date inconnue.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="212" />
      <source>Certificate {0} was revoked on {1}.</source>
      <translation>Le certificat {0} a été révoqué le {1}.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="216" />
      <source>Certificate {0} was replaced by certificate {1}.</source>
      <translation>Le certificat {0} a été remplacé par le certificat {1}.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="220" />
      <source>Certificate {0} expired on an unknown date.</source>
      <translation>Le certificat {0} a expiré à une date inconnue.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="221" />
      <source>Certificate {0} expired on {1}.</source>
      <translation>Le certificat {0} a expiré le {1}.</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="235" />
      <source>{0} since {1}</source>
      <translation>{0} depuis le {1}</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="239" />
      <source>the register now shows: {0}</source>
      <translation>le registre indique maintenant : {0}</translation>
    </message>
    <message>
      <location filename="../../app/document/standing.py" line="446" />
      <source>replaced by certificate {0}</source>
      <translation>remplacé par le certificat {0}</translation>
    </message>
  </context>
  <context>
    <name>Failures</name>
    <message>
      <location filename="../../app/failures.py" line="69" />
      <source>The disk is full: a file could not be written{0}. Free some space there or choose another folder. What was finished before is kept; run the same command again to finish the rest.</source>
      <translation>Le disque est plein : un fichier n'a pas pu être écrit{0}. Libérez de l'espace à cet endroit ou choisissez un autre dossier. Ce qui était déjà terminé est conservé; relancez la même commande pour terminer le reste.</translation>
    </message>
    <message>
      <location filename="../../app/failures.py" line="79" />
      <source>A file could not be written{0}: this account may not write there, or the disk is read-only. Choose another folder. What was finished before is kept; run the same command again to finish the rest.</source>
      <translation>Un fichier n'a pas pu être écrit{0} : ce compte n'a pas le droit d'y écrire, ou le disque est en lecture seule. Choisissez un autre dossier. Ce qui était déjà terminé est conservé; relancez la même commande pour terminer le reste.</translation>
    </message>
    <message>
      <location filename="../../app/failures.py" line="95" />
      <source>The database is full: the disk it is kept on has no space left. Ask IT to free space for the database. The step that failed was not saved. What was finished before is kept; run the same command again to finish the rest.</source>
      <translation>La base de données est pleine : le disque qui l'héberge n'a plus d'espace libre. Demandez au service informatique de libérer de l'espace pour la base de données. L'étape qui a échoué n'a pas été enregistrée. Ce qui était déjà terminé est conservé; relancez la même commande pour terminer le reste.</translation>
    </message>
    <message>
      <location filename="../../app/failures.py" line="105" />
      <source>The database refused this step: the database account this desk signs in with may not do it (a wrong database role, see 'cpc-desk db roles' in the README). Nothing of the step was saved; ask IT to connect this desk with the right role.</source>
      <translation>La base de données a refusé cette étape : le compte de base de données utilisé par ce poste n'en a pas le droit (mauvais rôle de base de données, voir « cpc-desk db roles » dans le README). Rien de cette étape n'a été enregistré; demandez au service informatique de connecter ce poste avec le bon rôle.</translation>
    </message>
    <message>
      <location filename="../../app/failures.py" line="120" />
      <source>The database stopped answering (the server was stopped, restarted or cut off). The step in progress was not saved. What was finished before is kept; run the same command again once the database is back.</source>
      <translation>La base de données ne répond plus (le serveur a été arrêté, redémarré ou coupé). L'étape en cours n'a pas été enregistrée. Ce qui était déjà terminé est conservé; relancez la même commande une fois la base de données rétablie.</translation>
    </message>
  </context>
  <context>
    <name>Issuing</name>
    <message>
      <location filename="../../app/issuing/documents.py" line="53" />
      <source>There is no member with CPSO number {0!r}.</source>
      <translation>Aucun membre ne porte le numéro CPSO {0!r}.</translation>
    </message>
    <message>
      <location filename="../../app/issuing/documents.py" line="111" />
      <source>choose at least one document</source>
      <translation>choisissez au moins un document</translation>
    </message>
    <message>
      <location filename="../../app/issuing/documents.py" line="125" />
      <source>the member has no email address on file; type one</source>
      <translation>le membre n'a pas d'adresse courriel au dossier; saisissez-en une</translation>
    </message>
    <message>
      <location filename="../../app/issuing/documents.py" line="165" />
      <source>No signed document is stored for {0}.</source>
      <translation>Aucun document signé n'est conservé pour {0}.</translation>
    </message>
    <message>
      <location filename="../../app/issuing/engine.py" line="267" />
      <source>directory entry {0} no longer exists</source>
      <translation>l'entrée {0} du répertoire n'existe plus</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="37" />
      <source>sent by email</source>
      <translation>envoyé par courriel</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="38" />
      <source>member's reply, recorded by staff (not received by email)</source>
      <translation>réponse du membre, consignée par le personnel (non reçue par courriel)</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="41" />
      <source>phone call, recorded by staff</source>
      <translation>appel téléphonique, consigné par le personnel</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="44" />
      <source>waiting to be sent</source>
      <translation>en attente d'envoi</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="45" />
      <source>being sent</source>
      <translation>en cours d'envoi</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="46" />
      <source>delivered to the mail server</source>
      <translation>remis au serveur de messagerie</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="47" />
      <source>not sent yet (will be retried)</source>
      <translation>pas encore envoyé (nouvel essai prévu)</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="48" />
      <source>could not be delivered</source>
      <translation>n'a pas pu être remis</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="49" />
      <source>cancelled</source>
      <translation>annulé</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="62" />
      <source>is empty; write the message</source>
      <translation>est vide; rédigez le message</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="66" />
      <source>is {0:,} characters long; the most is {1:,}</source>
      <translation>compte {0:,} caractères; le maximum est de {1:,}</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="112" />
      <source>There is no request {0!r}.</source>
      <translation>Il n'existe aucune demande {0!r}.</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="144" />
      <source>{0} has no email address on file</source>
      <translation>{0} n'a pas d'adresse courriel au dossier</translation>
    </message>
    <message>
      <location filename="../../app/issuing/messages.py" line="220" />
      <source>a message to the member is sent with send_message</source>
      <translation>un message au membre s'envoie avec send_message</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="109" />
      <source>add at least one organisation to send the certificate to</source>
      <translation>ajoutez au moins un organisme auquel envoyer le certificat</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="115" />
      <source>at most {0} recipients per request</source>
      <translation>au plus {0} destinataires par demande</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="128" />
      <source>the member's consent to release the information is required</source>
      <translation>le consentement du membre à la communication des renseignements est obligatoire</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="132" />
      <location filename="../../app/issuing/requests.py" line="227" />
      <source>is required</source>
      <translation>est obligatoire</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="156" />
      <location filename="../../app/issuing/requests.py" line="225" />
      <location filename="../../app/issuing/requests.py" line="587" />
      <location filename="../../app/issuing/requests.py" line="671" />
      <location filename="../../app/issuing/requests.py" line="693" />
      <source>Member {0} does not exist</source>
      <translation>Le membre {0} n'existe pas</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="201" />
      <source>the disk is full</source>
      <translation>le disque est plein</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="203" />
      <source>the database is read-only</source>
      <translation>la base de données est en lecture seule</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="205" />
      <source>The request could not be saved because {0}. Nothing was filed and no certificate number was used; free some space (or ask IT to fix the data folder) and press Submit again.</source>
      <translation>La demande n'a pas pu être enregistrée parce que {0}. Rien n'a été déposé et aucun numéro de certificat n'a été utilisé; libérez de l'espace (ou demandez au service informatique de réparer le dossier de données) et appuyez de nouveau sur Soumettre.</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="271" />
      <location filename="../../app/issuing/requests.py" line="403" />
      <source>Request {0} does not exist</source>
      <translation>La demande {0} n'existe pas</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="327" />
      <source>No PDF is stored for certificate {0}</source>
      <translation>Aucun PDF n'est conservé pour le certificat {0}</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="338" />
      <source>{0!r} is not a certificate number</source>
      <translation>{0!r} n'est pas un numéro de certificat</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="407" />
      <source>Request {0} is no longer awaiting review (it is {1}{2})</source>
      <translation>La demande {0} n'est plus en attente d'examen (statut : {1}{2})</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="436" />
      <source>The request was changed by someone else while it was being approved; look again</source>
      <translation>La demande a été modifiée par une autre personne pendant son approbation; consultez-la de nouveau</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="447" />
      <source>is required when declining a request</source>
      <translation>est obligatoire pour refuser une demande</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="451" />
      <source>is {0} characters long; at most {1} are allowed</source>
      <translation>compte {0} caractères; au plus {1} sont permis</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="474" />
      <source>The request was changed by someone else; look again</source>
      <translation>La demande a été modifiée par une autre personne; consultez-la de nouveau</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="508" />
      <location filename="../../app/issuing/requests.py" line="741" />
      <source>Certificate {0} does not exist</source>
      <translation>Le certificat {0} n'existe pas</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="512" />
      <source>Certificate {0} was already reissued as {1}</source>
      <translation>Le certificat {0} a déjà été réémis sous le numéro {1}</translation>
    </message>
    <message>
      <location filename="../../app/issuing/requests.py" line="728" />
      <source>{0} ({1}), filed {2} by {3}, to {4}</source>
      <translation>{0} ({1}), déposée le {2} par {3}, pour {4}</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="46" />
      <source>{0!r} is not Type=days (for example Hospital=60)</source>
      <translation>{0!r} n'est pas de la forme Type=jours (par exemple Hospital=60)</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="51" />
      <source>the days for {0!r} must be a whole number greater than zero</source>
      <translation>le nombre de jours pour {0!r} doit être un nombre entier supérieur à zéro</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="58" />
      <source>{0!r} is given twice</source>
      <translation>{0!r} est indiqué deux fois</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="111" />
      <source>Valid until {0}, not {1}: the member's certificate of registration expires on {2}, and a certificate of professional conduct never runs past it.</source>
      <translation>Valide jusqu'au {0}, et non jusqu'au {1} : le certificat d'inscription du membre expire le {2}, et un certificat de conduite professionnelle n'est jamais valide au-delà.</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="129" />
      <source>registration status is {0}</source>
      <translation>a le statut d'inscription {0}</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="131" />
      <source>has terms, conditions or limitations</source>
      <translation>fait l'objet de modalités, conditions ou restrictions</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="133" />
      <source>has discipline findings</source>
      <translation>fait l'objet de conclusions disciplinaires</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="135" />
      <source>has a pending investigation</source>
      <translation>fait l'objet d'une enquête en cours</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="156" />
      <source>{0!r} is not a document (choose {1})</source>
      <translation>{0!r} n'est pas un document (choisissez {1})</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="172" />
      <source>the member is recorded as deceased; no {0} is sent</source>
      <translation>le membre est inscrit comme décédé; aucun document « {0} » n'est envoyé</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="174" />
      <source>a {0} is issued only to an active member (registration status is {1})</source>
      <translation>le document « {0} » n'est délivré qu'à un membre actif (statut d'inscription : {1})</translation>
    </message>
    <message>
      <location filename="../../app/issuing/rules.py" line="178" />
      <source>the member's registration is revoked; no {0} is issued</source>
      <translation>l'inscription du membre est révoquée; aucun document « {0} » n'est délivré</translation>
    </message>
  </context>
  <context>
    <name>Mail</name>
    <message>
      <location filename="../../app/mail/mail_check.py" line="23" />
      <source>Failed at step '{0}': {1}</source>
      <translation>Échec à l'étape « {0} » : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/mail_check.py" line="40" />
      <source>the mail server name {0} is unknown.</source>
      <translation>le nom du serveur de messagerie {0} est inconnu.</translation>
    </message>
    <message>
      <location filename="../../app/mail/mail_check.py" line="47" />
      <location filename="../../app/mail/smtp.py" line="966" />
      <source>The mail server {0} accepted the test message for {1}: {2}</source>
      <translation>Le serveur de messagerie {0} a accepté le message d'essai pour {1} : {2}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="89" />
      <location filename="../../app/mail/smtp.py" line="396" />
      <source>must be one of {0}</source>
      <translation>doit être l'une des valeurs suivantes : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="93" />
      <source>name the sending mailbox (or set smtp.from_address)</source>
      <translation>indiquez la boîte aux lettres d'envoi (ou réglez smtp.from_address)</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="98" />
      <source>is required for Microsoft 365 (the tenant ID)</source>
      <translation>est obligatoire pour Microsoft 365 (l'ID du locataire)</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="103" />
      <source>is required for Microsoft 365 (the application's client ID)</source>
      <translation>est obligatoire pour Microsoft 365 (l'ID client de l'application)</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="107" />
      <source>must be a tenant ID or domain, not a URL</source>
      <translation>doit être un ID de locataire ou un domaine, et non une URL</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="124" />
      <source>is empty; nothing was stored</source>
      <translation>est vide; rien n'a été conservé</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="126" />
      <source>must not contain a NUL character</source>
      <translation>ne doit pas contenir de caractère NUL</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="132" />
      <source>for Google, give the service account's JSON key file</source>
      <translation>pour Google, fournissez le fichier de clé JSON du compte de service</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="136" />
      <source>is not a service account key ("type": "service_account")</source>
      <translation>n'est pas une clé de compte de service ("type": "service_account")</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="141" />
      <source>the service account key has no {0!r}</source>
      <translation>la clé du compte de service n'a pas de {0!r}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="149" />
      <source>a certificate credential must hold both the private key and its certificate (PEM)</source>
      <translation>un justificatif par certificat doit contenir à la fois la clé privée et son certificat (PEM)</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="156" />
      <source>a client secret is one line</source>
      <translation>un secret client tient sur une seule ligne</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="254" />
      <source>The Microsoft identity platform ({0}) could not be reached: {1}</source>
      <translation>La plateforme d'identités Microsoft ({0}) est injoignable : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="262" />
      <source>The Microsoft identity platform ({0}) is not answering: {1}</source>
      <translation>La plateforme d'identités Microsoft ({0}) ne répond pas : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="270" />
      <source>it is not known to the identity platform</source>
      <translation>il est inconnu de la plateforme d'identités</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="273" />
      <source>Microsoft 365 sign-in settings were refused: the tenant {0!r} (smtp.oauth.tenant): {1}</source>
      <translation>Les paramètres de connexion Microsoft 365 ont été refusés : le locataire {0!r} (smtp.oauth.tenant) : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="280" />
      <source>Microsoft 365 sign-in settings were refused: {0}</source>
      <translation>Les paramètres de connexion Microsoft 365 ont été refusés : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="289" />
      <source>The Microsoft identity platform gave no token: {0}</source>
      <translation>La plateforme d'identités Microsoft n'a fourni aucun jeton : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="293" />
      <source>The Microsoft identity platform refused to give a token: {0}</source>
      <translation>La plateforme d'identités Microsoft a refusé de fournir un jeton : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="312" />
      <source>The Google service account key cannot be used: {0}: {1}</source>
      <translation>La clé du compte de service Google est inutilisable : {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="323" />
      <source>Google's token service gave no token: {0}</source>
      <translation>Le service de jetons de Google n'a fourni aucun jeton : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="326" />
      <source>Google refused to give a token: {0}</source>
      <translation>Google a refusé de fournir un jeton : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="331" />
      <source>Google's token service could not be reached: {0}</source>
      <translation>Le service de jetons de Google est injoignable : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="364" />
      <location filename="../../app/mail/oauth.py" line="377" />
      <source>connection refused</source>
      <translation>connexion refusée</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="366" />
      <source>no answer in time</source>
      <translation>aucune réponse dans le délai</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="369" />
      <source>its TLS certificate was not accepted ({0})</source>
      <translation>son certificat TLS n'a pas été accepté ({0})</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="373" />
      <location filename="../../app/mail/oauth.py" line="379" />
      <source>the name is unknown</source>
      <translation>le nom est inconnu</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="381" />
      <source>its TLS certificate was not accepted</source>
      <translation>son certificat TLS n'a pas été accepté</translation>
    </message>
    <message>
      <location filename="../../app/mail/oauth.py" line="403" />
      <source>No OAuth secret is stored for the mail server; enter it in Settings (or 'settings set-password smtp-oauth').</source>
      <translation>Aucun secret OAuth n'est conservé pour le serveur de messagerie; saisissez-le dans les Paramètres (ou « settings set-password smtp-oauth »).</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="78" />
      <source>certificate {0} has no recipient</source>
      <translation>le certificat {0} n'a pas de destinataire</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="81" />
      <source>certificate {0} has no request</source>
      <translation>le certificat {0} n'a pas de demande</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="84" />
      <source>certificate {0} has no member</source>
      <translation>le certificat {0} n'a pas de membre</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="223" />
      <source>{0} sent</source>
      <translation>{0} envoyé(s)</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="226" />
      <source>{0} failed for now (will be retried)</source>
      <translation>{0} en échec pour l'instant (nouvel essai prévu)</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="229" />
      <source>{0} failed permanently</source>
      <translation>{0} en échec définitif</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="231" />
      <source>{0} cancelled (certificate revoked)</source>
      <translation>{0} annulé(s) (certificat révoqué)</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="234" />
      <location filename="../../app/mail/outbox.py" line="508" />
      <source>Sending is paused: {0}</source>
      <translation>L'envoi est suspendu : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="465" />
      <source>the message has no certificate to send</source>
      <translation>le message n'a pas de certificat à envoyer</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="469" />
      <source>certificate {0} has no signed PDF yet</source>
      <translation>le certificat {0} n'a pas encore de PDF signé</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/mail/outbox.py" line="501" />
      <source>Offline mode: nothing was sent; %n message(s) wait in the outbox.</source>
      <translation>
        <numerusform>Mode hors ligne : rien n'a été envoyé; %n message attend dans la boîte d'envoi.</numerusform>
        <numerusform>Mode hors ligne : rien n'a été envoyé; %n messages attendent dans la boîte d'envoi.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="518" />
      <source>The mail settings need attention: {0}</source>
      <translation>Les paramètres de messagerie sont à vérifier : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="597" />
      <source>Sending stopped by an unexpected error ({0}: {1})</source>
      <translation>L'envoi s'est arrêté sur une erreur inattendue ({0} : {1})</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="619" />
      <source>Not sent: certificate {0} was revoked.</source>
      <translation>Non envoyé : le certificat {0} a été révoqué.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="684" />
      <source>The message cannot be built: {0}</source>
      <translation>Le message ne peut pas être constitué : {0}</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/mail/outbox.py" line="698" />
      <source>Gave up after %n attempt(s). Last error: {0}</source>
      <translation>
        <numerusform>Abandon après %n tentative. Dernière erreur : {0}</numerusform>
        <numerusform>Abandon après %n tentatives. Dernière erreur : {0}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="719" />
      <source>There is no outbox message {0}.</source>
      <translation>Il n'existe aucun message {0} dans la boîte d'envoi.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="739" />
      <source>This message is being sent right now.</source>
      <translation>Ce message est en cours d'envoi.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="742" />
      <source>This message was already sent; use 'Resend to…' to send it again.</source>
      <translation>Ce message a déjà été envoyé; utilisez « Renvoyer à… » pour l'envoyer de nouveau.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="746" />
      <source>This message was cancelled; use 'Resend to…' to send the certificate again.</source>
      <translation>Ce message a été annulé; utilisez « Renvoyer à… » pour envoyer de nouveau le certificat.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="752" />
      <location filename="../../app/mail/outbox.py" line="786" />
      <source>Certificate {0} was revoked; it cannot be sent.</source>
      <translation>Le certificat {0} a été révoqué; il ne peut pas être envoyé.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="783" />
      <source>This message has no certificate to resend.</source>
      <translation>Ce message n'a pas de certificat à renvoyer.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="790" />
      <source>This message is being sent right now; try again in a moment.</source>
      <translation>Ce message est en cours d'envoi; réessayez dans un instant.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="806" />
      <source>Replaced by a message to {0}.</source>
      <translation>Remplacé par un message à {0}.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="850" />
      <source>This message is being sent right now; it cannot be cancelled.</source>
      <translation>Ce message est en cours d'envoi; il ne peut pas être annulé.</translation>
    </message>
    <message>
      <location filename="../../app/mail/outbox.py" line="853" />
      <source>This message was already sent.</source>
      <translation>Ce message a déjà été envoyé.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="67" />
      <source>DNS (finding the mail server's address)</source>
      <translation>DNS (recherche de l'adresse du serveur de messagerie)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="68" />
      <source>connect</source>
      <translation>connexion</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="69" />
      <source>TLS (the secure connection)</source>
      <translation>TLS (la connexion sécurisée)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="70" />
      <source>token (the OAuth 2.0 identity platform)</source>
      <translation>jeton (la plateforme d'identités OAuth 2.0)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="71" />
      <source>authentication (signing in to the mail server)</source>
      <translation>authentification (connexion au serveur de messagerie)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="72" />
      <source>sender refused</source>
      <translation>expéditeur refusé</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="73" />
      <source>recipient refused</source>
      <translation>destinataire refusé</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="74" />
      <source>message refused</source>
      <translation>message refusé</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="96" />
      <source>{0!r} is not a certificate number (CPC-YYYY-NNNNNN)</source>
      <translation>{0!r} n'est pas un numéro de certificat (CPC-AAAA-NNNNNN)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="100" />
      <location filename="../../app/mail/smtp.py" line="298" />
      <source>{0!r} is not a domain name</source>
      <translation>{0!r} n'est pas un nom de domaine</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="197" />
      <source>{0!r} is not CPC-YYYY-NNNNNN</source>
      <translation>{0!r} n'est pas de la forme CPC-AAAA-NNNNNN</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="204" />
      <source>{0!r} is not a Message-ID (&lt;id@domain&gt;)</source>
      <translation>{0!r} n'est pas un Message-ID (&lt;id@domaine&gt;)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="207" />
      <source>the certificate document is not a PDF</source>
      <translation>le document du certificat n'est pas un PDF</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="211" />
      <source>{0!r} is not a certificate language (en, fr or bilingual)</source>
      <translation>{0!r} n'est pas une langue de certificat (en, fr ou bilingual)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="294" />
      <source>{0!r} is not a request number (R-0000000)</source>
      <translation>{0!r} n'est pas un numéro de demande (R-0000000)</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="321" />
      <source>must name the request {0}</source>
      <translation>doit mentionner la demande {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="401" />
      <source>'none' (no encryption) is allowed only for a server on this computer (127.0.0.1 or localhost), not {0}; choose starttls or tls</source>
      <translation>« none » (sans chiffrement) n'est permis que pour un serveur sur cet ordinateur (127.0.0.1 ou localhost), et non pour {0}; choisissez starttls ou tls</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="489" />
      <source>The CA certificate file {0} cannot be used: {1}</source>
      <translation>Le fichier de certificat d'AC {0} est inutilisable : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="525" />
      <source>The mail server {0} does not offer STARTTLS; choose 'tls' or another server in Settings.</source>
      <translation>Le serveur de messagerie {0} n'offre pas STARTTLS; choisissez « tls » ou un autre serveur dans les Paramètres.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="541" />
      <source>A user name is set for the mail server but no password is stored; enter it in Settings (or 'settings set-password smtp').</source>
      <translation>Un nom d'utilisateur est défini pour le serveur de messagerie, mais aucun mot de passe n'est conservé; saisissez-le dans les Paramètres (ou « settings set-password smtp »).</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="550" />
      <source>The mail server {0} does not offer sign-in (AUTH) on this connection; check the security setting.</source>
      <translation>Le serveur de messagerie {0} n'offre pas de connexion (AUTH) sur cette liaison; vérifiez le paramètre de sécurité.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="580" />
      <source>The mail server {0} does not offer OAuth 2.0 sign-in (AUTH XOAUTH2) on this connection; check the server and the security setting.</source>
      <translation>Le serveur de messagerie {0} n'offre pas de connexion OAuth 2.0 (AUTH XOAUTH2) sur cette liaison; vérifiez le serveur et le paramètre de sécurité.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="606" />
      <source>The mail server refused the OAuth 2.0 token for {0}: {1}</source>
      <translation>Le serveur de messagerie a refusé le jeton OAuth 2.0 pour {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="650" />
      <source>The server refused the recipient {0}: {1}</source>
      <translation>Le serveur a refusé le destinataire {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="668" />
      <location filename="../../app/mail/smtp.py" line="689" />
      <source>The mail server {0} did not confirm the message within {1:g} seconds; it will be sent again with the same Message-ID.</source>
      <translation>Le serveur de messagerie {0} n'a pas confirmé le message dans les {1:g} secondes; il sera envoyé de nouveau avec le même Message-ID.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="677" />
      <source>The mail server {0} closed the connection before confirming the message; it will be sent again with the same Message-ID.</source>
      <translation>Le serveur de messagerie {0} a fermé la connexion avant de confirmer le message; il sera envoyé de nouveau avec le même Message-ID.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="701" />
      <location filename="../../app/mail/smtp.py" line="714" />
      <source>The server did not accept the message: {0}</source>
      <translation>Le serveur n'a pas accepté le message : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="738" />
      <source>An address needs an international mail server (SMTPUTF8) and {0} does not support it.</source>
      <translation>Une adresse exige un serveur de messagerie international (SMTPUTF8), et {0} ne le prend pas en charge.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="757" />
      <source>The server refused the sender: {0}</source>
      <translation>Le serveur a refusé l'expéditeur : {0}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="770" />
      <location filename="../../app/mail/smtp.py" line="777" />
      <location filename="../../app/mail/smtp.py" line="819" />
      <source>The mail server {0} closed the connection.</source>
      <translation>Le serveur de messagerie {0} a fermé la connexion.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="797" />
      <source>The mail server refused the user name or password: {0}{1}</source>
      <translation>Le serveur de messagerie a refusé le nom d'utilisateur ou le mot de passe : {0}{1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="806" />
      <source>The mail server {0} does not support this: {1}</source>
      <translation>Le serveur de messagerie {0} ne prend pas ceci en charge : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="812" />
      <source>The mail server {0} answered: {1}</source>
      <translation>Le serveur de messagerie {0} a répondu : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="824" />
      <source>The mail server's TLS certificate was not accepted ({0}); check the host name, or add its CA file in Settings.</source>
      <translation>Le certificat TLS du serveur de messagerie n'a pas été accepté ({0}); vérifiez le nom d'hôte, ou ajoutez son fichier d'AC dans les Paramètres.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="833" />
      <source>The secure connection to {0} failed: {1}</source>
      <translation>La connexion sécurisée à {0} a échoué : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="838" />
      <source>Could not connect to the mail server {0}: connection refused.</source>
      <translation>Impossible de se connecter au serveur de messagerie {0} : connexion refusée.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="845" />
      <source>The mail server {0} did not answer within {1:g} seconds.</source>
      <translation>Le serveur de messagerie {0} n'a pas répondu dans les {1:g} secondes.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="852" />
      <source>The mail server name {0} is unknown.</source>
      <translation>Le nom du serveur de messagerie {0} est inconnu.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="857" />
      <source>Could not reach the mail server {0}: {1}</source>
      <translation>Impossible de joindre le serveur de messagerie {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="863" />
      <source>Mail error with {0}: {1}</source>
      <translation>Erreur de messagerie avec {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="873" />
      <source>This server no longer accepts a password (Basic authentication): set smtp.auth to oauth2-microsoft (see the README, 'Mail through Microsoft 365 or Google Workspace').</source>
      <translation>Ce serveur n'accepte plus de mot de passe (authentification de base) : réglez smtp.auth à oauth2-microsoft (voir le README, « Mail through Microsoft 365 or Google Workspace »).</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="879" />
      <source>Google needs an app password here, or OAuth 2.0: set smtp.auth to oauth2-google.</source>
      <translation>Google exige ici un mot de passe d'application, ou OAuth 2.0 : réglez smtp.auth à oauth2-google.</translation>
    </message>
    <message>
      <location filename="../../app/mail/smtp.py" line="929" />
      <source>The message has no recipient.</source>
      <translation>Le message n'a pas de destinataire.</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <location filename="../../app/printing/record.py" line="51" />
      <source>No certificate with id {0}; nothing was marked printed</source>
      <translation>Aucun certificat ne porte l'identifiant {0}; rien n'a été marqué comme imprimé</translation>
    </message>
  </context>
  <context>
    <name>Register</name>
    <message>
      <location filename="../../app/register/csv_input.py" line="25" />
      <source>an Excel workbook or another ZIP file</source>
      <translation>un classeur Excel ou un autre fichier ZIP</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="26" />
      <source>an old Excel or Word file</source>
      <translation>un ancien fichier Excel ou Word</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="27" />
      <source>a PDF document</source>
      <translation>un document PDF</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="28" />
      <source>a PNG image</source>
      <translation>une image PNG</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="29" />
      <source>a JPEG image</source>
      <translation>une image JPEG</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="30" />
      <source>an SQLite database</source>
      <translation>une base de données SQLite</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="31" />
      <source>an RTF document</source>
      <translation>un document RTF</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="100" />
      <source>{0!r} is not an encoding we read (use one of: {1})</source>
      <translation>{0!r} n'est pas un encodage que nous lisons (utilisez l'un de ceux-ci : {1})</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="121" />
      <source>line {0}, byte {1} (0x{2:02X})</source>
      <translation>ligne {0}, octet {1} (0x{2:02X})</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="161" />
      <source>{0} is empty (0 bytes); there is nothing to import.</source>
      <translation>{0} est vide (0 octet); il n'y a rien à importer.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="168" />
      <source>{0} is not a CSV file: it looks like {1}. Save it as 'CSV UTF-8 (comma delimited)' and import that file.</source>
      <translation>{0} n'est pas un fichier CSV : il ressemble à {1}. Enregistrez-le au format « CSV UTF-8 (délimité par des virgules) » et importez ce fichier.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="179" />
      <source>{0} cannot be read as {1}: {2} is not a character in that encoding. Check which encoding the file was saved in.</source>
      <translation>{0} ne peut pas être lu en {1} : {2} n'est pas un caractère de cet encodage. Vérifiez l'encodage dans lequel le fichier a été enregistré.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="197" />
      <source>{0} is not a CSV file: it contains binary data (a zero byte at byte {1:,}).</source>
      <translation>{0} n'est pas un fichier CSV : il contient des données binaires (un octet nul à l'octet {1:,}).</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="219" />
      <source>{0} mixes encodings: it is written in UTF-8, but {1} is not UTF-8 (perhaps a line pasted from another file). Retype the characters on that line and save the file as 'CSV UTF-8', or, if the whole file is in another encoding, say which with --encoding (for example --encoding windows-1252).</source>
      <translation>{0} mélange des encodages : il est écrit en UTF-8, mais {1} n'est pas en UTF-8 (peut-être une ligne collée d'un autre fichier). Retapez les caractères de cette ligne et enregistrez le fichier au format « CSV UTF-8 », ou, si tout le fichier est dans un autre encodage, indiquez lequel avec --encoding (par exemple --encoding windows-1252).</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="232" />
      <source>{0} is not a text file in a known encoding ({1}). Save it as 'CSV UTF-8' and import that file.</source>
      <translation>{0} n'est pas un fichier texte dans un encodage connu ({1}). Enregistrez-le au format « CSV UTF-8 » et importez ce fichier.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="274" />
      <source>{0} does not exist or is not a file.</source>
      <translation>{0} n'existe pas ou n'est pas un fichier.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="288" />
      <source>{0} has no text in it; there is nothing to import.</source>
      <translation>{0} ne contient aucun texte; il n'y a rien à importer.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="309" />
      <source>{0} does not start with a header line naming the columns (expected {1}, …). Line {2} is: {3!r}. Is this the right file, and is it saved as CSV?</source>
      <translation>{0} ne commence pas par une ligne d'en-tête nommant les colonnes ({1}, … attendues). La ligne {2} est : {3!r}. Est-ce le bon fichier, et est-il enregistré au format CSV?</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="320" />
      <source>column {0} has no name</source>
      <translation>la colonne {0} n'a pas de nom</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="323" />
      <source>these columns appear twice: {0}</source>
      <translation>ces colonnes figurent deux fois : {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="327" />
      <source>required columns are missing: {0}</source>
      <translation>des colonnes obligatoires manquent : {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="332" />
      <source>these columns are not part of the format: {0} (the format's columns are {1})</source>
      <translation>ces colonnes ne font pas partie du format : {0} (les colonnes du format sont {1})</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="338" />
      <source>The header of {0} (line {1}): {2}.</source>
      <translation>L'en-tête de {0} (ligne {1}) : {2}.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="369" />
      <source>{0} ends in the middle of the row starting on line {1}: a quoted value is never closed. The file may have been cut off while it was copied or saved; nothing was imported.</source>
      <translation>{0} se termine au milieu de la ligne qui commence à la ligne {1} : une valeur entre guillemets n'est jamais fermée. Le fichier a peut-être été tronqué pendant sa copie ou son enregistrement; rien n'a été importé.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="378" />
      <source>Line {0} of {1} has a value longer than {2:,} characters; it is probably not a CSV file of the expected kind.</source>
      <translation>La ligne {0} de {1} contient une valeur de plus de {2:,} caractères; ce n'est probablement pas un fichier CSV du type attendu.</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="385" />
      <source>{0} cannot be read as CSV at line {1}: {2} (a value containing a quote must be wrapped in quotes, with the quote doubled: "")</source>
      <translation>{0} ne peut pas être lu comme CSV à la ligne {1} : {2} (une valeur contenant un guillemet doit être entourée de guillemets, le guillemet étant doublé : "")</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="406" />
      <source>has {0} values but the header names {1} columns</source>
      <translation>compte {0} valeurs, mais l'en-tête nomme {1} colonnes</translation>
    </message>
    <message>
      <location filename="../../app/register/csv_input.py" line="416" />
      <source>{0} ends in the middle of line {1}: that row has {2} of {3} values and the file has no final line break. The file may have been cut off while it was copied or saved; nothing was imported.</source>
      <translation>{0} se termine au milieu de la ligne {1} : cette ligne compte {2} des {3} valeurs et le fichier n'a pas de saut de ligne final. Le fichier a peut-être été tronqué pendant sa copie ou son enregistrement; rien n'a été importé.</translation>
    </message>
    <message>
      <location filename="../../app/register/institution_import.py" line="96" />
      <location filename="../../app/register/member_import.py" line="512" />
      <source>the row {0}</source>
      <translation>la ligne {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/institution_import.py" line="107" />
      <source>must be yes or no</source>
      <translation>doit être yes ou no</translation>
    </message>
    <message>
      <location filename="../../app/register/institution_import.py" line="124" />
      <source>repeats line {0}; each institution once</source>
      <translation>répète la ligne {0}; chaque établissement une seule fois</translation>
    </message>
    <message>
      <location filename="../../app/register/institution_import.py" line="217" />
      <location filename="../../app/register/member_import.py" line="169" />
      <location filename="../../app/register/member_import.py" line="483" />
      <source>The import was stopped; nothing was changed.</source>
      <translation>L'importation a été arrêtée; rien n'a été modifié.</translation>
    </message>
    <message>
      <location filename="../../app/register/institution_import.py" line="220" />
      <source>{0} has a header but no institution rows; there is nothing to import.</source>
      <translation>{0} a une ligne d'en-tête mais aucune ligne d'établissement; il n'y a rien à importer.</translation>
    </message>
    <message>
      <location filename="../../app/register/institution_types.py" line="65" />
      <source>{0!r} is not an institution type; must be one of: {1}</source>
      <translation>{0!r} n'est pas un type d'établissement; doit être l'un des suivants : {1}</translation>
    </message>
    <message>
      <location filename="../../app/register/institutions.py" line="108" />
      <location filename="../../app/register/institutions.py" line="175" />
      <location filename="../../app/register/institutions.py" line="227" />
      <source>Institution {0} is not in the directory.</source>
      <translation>L'établissement {0} ne figure pas dans le répertoire.</translation>
    </message>
    <message>
      <location filename="../../app/register/institutions.py" line="159" />
      <source>{0} is already in the directory as a {1} (entry {2}); edit that entry instead.</source>
      <translation>{0} figure déjà dans le répertoire comme « {1} » (entrée {2}); modifiez plutôt cette entrée.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/member_import.py" line="116" />
      <source>%n row(s) read ({0})</source>
      <translation>
        <numerusform>%n ligne lue ({0})</numerusform>
        <numerusform>%n lignes lues ({0})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/member_import.py" line="123" />
      <source>added %n institution(s), updated {0}, unchanged {1}</source>
      <translation>
        <numerusform>%n établissement ajouté, {0} mis à jour, {1} inchangé(s)</numerusform>
        <numerusform>%n établissements ajoutés, {0} mis à jour, {1} inchangé(s)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/member_import.py" line="127" />
      <source>added %n member(s), updated {0}, unchanged {1}</source>
      <translation>
        <numerusform>%n membre ajouté, {0} mis à jour, {1} inchangé(s)</numerusform>
        <numerusform>%n membres ajoutés, {0} mis à jour, {1} inchangé(s)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/member_import.py" line="133" />
      <source>would add %n institution(s), update {0}, leave {1} unchanged</source>
      <translation>
        <numerusform>ajouterait %n établissement, en mettrait à jour {0}, en laisserait {1} inchangé(s)</numerusform>
        <numerusform>ajouterait %n établissements, en mettrait à jour {0}, en laisserait {1} inchangé(s)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/member_import.py" line="140" />
      <source>would add %n member(s), update {0}, leave {1} unchanged</source>
      <translation>
        <numerusform>ajouterait %n membre, en mettrait à jour {0}, en laisserait {1} inchangé(s)</numerusform>
        <numerusform>ajouterait %n membres, en mettrait à jour {0}, en laisserait {1} inchangé(s)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/member_import.py" line="145" />
      <source>%n row(s) refused</source>
      <translation>
        <numerusform>%n ligne refusée</numerusform>
        <numerusform>%n lignes refusées</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="148" />
      <source>dry run: nothing was changed</source>
      <translation>essai à blanc : rien n'a été modifié</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="150" />
      <source>nothing was imported</source>
      <translation>rien n'a été importé</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="184" />
      <source>is {0:,} characters long; at most {1:,} are allowed</source>
      <translation>compte {0:,} caractères; au plus {1:,} sont permis</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="217" />
      <source>must be a date written YYYY-MM-DD (for example 2024-03-31)</source>
      <translation>doit être une date écrite AAAA-MM-JJ (par exemple 2024-03-31)</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="222" />
      <source>is not a real date</source>
      <translation>n'est pas une date réelle</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="224" />
      <source>is before 1850</source>
      <translation>est antérieure à 1850</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="231" />
      <source>must contain at least one letter</source>
      <translation>doit contenir au moins une lettre</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="244" />
      <location filename="../../app/register/recipients.py" line="439" />
      <location filename="../../app/register/recipients.py" line="448" />
      <location filename="../../app/register/text.py" line="99" />
      <source>is required</source>
      <translation>est obligatoire</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="258" />
      <source>must be 1 to 16 letters or digits (for example 123456)</source>
      <translation>doit compter de 1 à 16 lettres ou chiffres (par exemple 123456)</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="273" />
      <source>must be one of {0}</source>
      <translation>doit être l'une des valeurs suivantes : {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="279" />
      <source>is in the future</source>
      <translation>est dans le futur</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="291" />
      <source>must be a telephone number (digits, spaces, + ( ) - . / and ext)</source>
      <translation>doit être un numéro de téléphone (chiffres, espaces, + ( ) - . / et ext)</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="312" />
      <source>is before the initial registration date</source>
      <translation>est antérieure à la date d'inscription initiale</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="486" />
      <source>{0} has a header but no member rows; there is nothing to import.</source>
      <translation>{0} a une ligne d'en-tête mais aucune ligne de membre; il n'y a rien à importer.</translation>
    </message>
    <message>
      <location filename="../../app/register/member_import.py" line="525" />
      <source>repeats line {0}; each member once</source>
      <translation>répète la ligne {0}; chaque membre une seule fois</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="298" />
      <source>No member with id {0}.</source>
      <translation>Aucun membre ne porte l'identifiant {0}.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="326" />
      <source>Jan</source>
      <translation>janv.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="327" />
      <source>Feb</source>
      <translation>févr.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="328" />
      <source>Mar</source>
      <translation>mars</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="329" />
      <source>Apr</source>
      <translation>avr.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="330" />
      <source>May</source>
      <translation>mai</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="331" />
      <source>Jun</source>
      <translation>juin</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="332" />
      <source>Jul</source>
      <translation>juill.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="333" />
      <source>Aug</source>
      <translation>août</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="334" />
      <source>Sep</source>
      <translation>sept.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="335" />
      <source>Oct</source>
      <translation>oct.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="336" />
      <source>Nov</source>
      <translation>nov.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="337" />
      <source>Dec</source>
      <translation>déc.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="349" />
      <source>{0} on {1}</source>
      <translation>{1} à {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="392" />
      <location filename="../../app/register/members.py" line="506" />
      <source> at {0}</source>
      <translation> le {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="396" />
      <location filename="../../app/register/members.py" line="510" />
      <location filename="../../app/register/members.py" line="516" />
      <source> by {0}</source>
      <translation> par {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="397" />
      <location filename="../../app/register/members.py" line="511" />
      <source>: {0}</source>
      <translation> : {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="398" />
      <source>Certificate {0} for {1} was revoked{2}{3}{4}</source>
      <translation>Le certificat {0} destiné à {1} a été révoqué{2}{3}{4}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="402" />
      <source>Certificate {0} for {1} was replaced by {2}, reissued at {3}</source>
      <translation>Le certificat {0} destiné à {1} a été remplacé par {2}, réémis le {3}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="406" />
      <source>; printed at {0}</source>
      <translation>; imprimé le {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="411" />
      <source>Issued to {0} at {1} as {2}; not emailed{3}</source>
      <translation>Émis pour {0} le {1} sous le numéro {2}; non envoyé par courriel{3}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="420" />
      <source>an unrecorded time</source>
      <translation>un moment non consigné</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="423" />
      <source>Resent to {0} at {1}; the server accepted it{2}</source>
      <translation>Renvoyé à {0} le {1}; le serveur l'a accepté{2}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="426" />
      <source>Sent to {0} at {1}; the server accepted it{2}</source>
      <translation>Envoyé à {0} le {1}; le serveur l'a accepté{2}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="431" />
      <source>Queued for {0} ({1}) since {2}; mail is offline on this desk, so it goes out when mail is switched back on{3}</source>
      <translation>En file d'attente pour {0} ({1}) depuis le {2}; la messagerie est hors ligne à ce poste, le message partira donc lorsqu'elle sera rétablie{3}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="437" />
      <source>Waiting in the outbox to go to {0} ({1}), queued at {2}{3}</source>
      <translation>En attente dans la boîte d'envoi pour {0} ({1}), mis en file le {2}{3}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="441" />
      <source>Being sent to {0} ({1}) now, attempt {2}{3}</source>
      <translation>En cours d'envoi à {0} ({1}), tentative {2}{3}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="446" />
      <source>, the last with the server saying "{0}"</source>
      <translation>, la dernière avec la réponse du serveur « {0} »</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="451" />
      <source>; next try at {0}</source>
      <translation>; prochain essai le {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="453" />
      <source>; it will be tried again</source>
      <translation>; un nouvel essai aura lieu</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/members.py" line="455" />
      <source>Not yet delivered to {0} ({1}): %n attempt(s) failed{2}{3}{4}</source>
      <translation>
        <numerusform>Pas encore remis à {0} ({1}) : %n tentative a échoué{2}{3}{4}</numerusform>
        <numerusform>Pas encore remis à {0} ({1}) : %n tentatives ont échoué{2}{3}{4}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="462" />
      <source> saying "{0}"</source>
      <translation> avec la réponse « {0} »</translation>
    </message>
    <message numerus="yes">
      <location filename="../../app/register/members.py" line="463" />
      <source>Could not be delivered to {0} ({1}): the server refused it permanently after %n attempt(s){2}; correct the address and resend{3}</source>
      <translation>
        <numerusform>N'a pas pu être remis à {0} ({1}) : le serveur l'a refusé définitivement après %n tentative{2}; corrigez l'adresse et renvoyez-le{3}</numerusform>
        <numerusform>N'a pas pu être remis à {0} ({1}) : le serveur l'a refusé définitivement après %n tentatives{2}; corrigez l'adresse et renvoyez-le{3}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="471" />
      <source>The email to {0} ({1}) was cancelled; {2} was issued at {3}{4}</source>
      <translation>Le courriel à {0} ({1}) a été annulé; {2} a été émis le {3}{4}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="479" />
      <source> (it expired on {0})</source>
      <translation> (il a expiré le {0})</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="493" />
      <source>Request {0} for {1} is a draft, started by {2} at {3}; not submitted.</source>
      <translation>La demande {0} pour {1} est un brouillon, commencé par {2} le {3}; non soumise.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="499" />
      <source> because the member {0}</source>
      <translation> parce que le membre {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="501" />
      <source>Request {0} for {1} is awaiting a registrar's review since {2}{3}.</source>
      <translation>La demande {0} pour {1} attend l'examen du registraire depuis le {2}{3}.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="512" />
      <source>Request {0} for {1} was declined{2}{3}{4}.</source>
      <translation>La demande {0} pour {1} a été refusée{2}{3}{4}.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="517" />
      <source>Request {0} for {1} was cancelled{2} at {3}.</source>
      <translation>La demande {0} pour {1} a été annulée{2} le {3}.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="522" />
      <source>Request {0} for {1} is marked issued but has no certificate yet.</source>
      <translation>La demande {0} pour {1} est marquée comme émise, mais n'a pas encore de certificat.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="534" />
      <source>Request {0} for {1} has {2} certificates. {3}</source>
      <translation>La demande {0} pour {1} compte {2} certificats. {3}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="539" />
      <source>{0}: {1}.</source>
      <translation>{0} : {1}.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="580" />
      <source>{who} wrote to the member</source>
      <translation>{who} a écrit au membre</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="581" />
      <source>the member replied (recorded by {who})</source>
      <translation>le membre a répondu (consigné par {who})</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="582" />
      <source>the member phoned (noted by {who})</source>
      <translation>le membre a téléphoné (noté par {who})</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="599" />
      <source> Last message: {0} at {1}: "{2}".</source>
      <translation> Dernier message : {0} le {1} : « {2} ».</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="610" />
      <source>{0} (CPSO {1})</source>
      <translation>{0} (CPSO {1})</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="613" />
      <source>{0} has no certificate yet; latest request: {1}</source>
      <translation>{0} n'a pas encore de certificat; dernière demande : {1}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="616" />
      <source>{0} has no request or certificate on file.</source>
      <translation>{0} n'a ni demande ni certificat au dossier.</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="619" />
      <source>{0}, the latest {1} of {2} certificate(s), newest first:</source>
      <translation>{0}, les {1} plus récents de {2} certificat(s), du plus récent au plus ancien :</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="623" />
      <source>{0}, {1} certificate(s), newest first:</source>
      <translation>{0}, {1} certificat(s), du plus récent au plus ancien :</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="661" />
      <source>replaced by {0}</source>
      <translation>remplacé par {0}</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="666" />
      <source>draft</source>
      <translation>brouillon</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="667" />
      <source>awaiting review</source>
      <translation>en attente d'examen</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="668" />
      <source>declined</source>
      <translation>refusée</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="669" />
      <source>issued</source>
      <translation>délivrée</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="670" />
      <source>cancelled</source>
      <translation>annulée</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="673" />
      <source>queued</source>
      <translation>en file d'attente</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="674" />
      <source>sending</source>
      <translation>envoi en cours</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="675" />
      <source>sent</source>
      <translation>envoyé</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="676" />
      <source>retrying</source>
      <translation>nouvel essai prévu</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="677" />
      <source>failed permanently</source>
      <translation>échec définitif</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="678" />
      <source>email cancelled</source>
      <translation>courriel annulé</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="682" />
      <source>revoked</source>
      <translation>révoqué</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="683" />
      <source>printed</source>
      <translation>imprimé</translation>
    </message>
    <message>
      <location filename="../../app/register/members.py" line="684" />
      <source>issued, not emailed</source>
      <translation>délivré, non envoyé par courriel</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="225" />
      <source>is required (en, fr or bilingual)</source>
      <translation>est obligatoire (en, fr ou bilingual)</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="231" />
      <source>{0!r} is not a certificate language (en, fr or bilingual)</source>
      <translation>{0!r} n'est pas une langue de certificat (en, fr ou bilingual)</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="305" />
      <source>{0!r} is not a country we know (use its name or 2-letter code)</source>
      <translation>{0!r} n'est pas un pays que nous connaissons (utilisez son nom ou son code à 2 lettres)</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="320" />
      <source>{0!r} is not a province or territory of {1}</source>
      <translation>{0!r} n'est pas une province ni un territoire du pays suivant : {1}</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="322" />
      <source>{0!r} is not a state of {1}</source>
      <translation>{0!r} n'est pas un État du pays suivant : {1}</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="333" />
      <source>{0!r} is not a Canadian postal code (format A1A 1A1)</source>
      <translation>{0!r} n'est pas un code postal canadien (format A1A 1A1)</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="339" />
      <source> or </source>
      <translation> ou </translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="342" />
      <source>{0} is a postal code in {1}, not in {2}; check the postal code and the province</source>
      <translation>{0} est un code postal attribué à : {1} (et non à : {2}); vérifiez le code postal et la province</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="353" />
      <source>{0!r} is not a US ZIP code (format 12345 or 12345-6789)</source>
      <translation>{0!r} n'est pas un code ZIP américain (format 12345 ou 12345-6789)</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="361" />
      <location filename="../../app/register/text.py" line="103" />
      <source>is {0} characters long; at most {1} are allowed</source>
      <translation>compte {0} caractères; au plus {1} sont permis</translation>
    </message>
    <message>
      <location filename="../../app/register/recipients.py" line="384" />
      <source>must be a directory number</source>
      <translation>doit être un numéro du répertoire</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="56" />
      <source>contains a control character (U+{0:04X})</source>
      <translation>contient un caractère de contrôle (U+{0:04X})</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="61" />
      <source>contains an invisible or direction-changing character (U+{0:04X}); retype it</source>
      <translation>contient un caractère invisible ou de changement de sens d'écriture (U+{0:04X}); retapez le texte</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="67" />
      <source>contains an emoji or pictograph (U+{0:04X})</source>
      <translation>contient un émoji ou un pictogramme (U+{0:04X})</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="72" />
      <source>contains an unassigned or private-use character (U+{0:04X})</source>
      <translation>contient un caractère non attribué ou à usage privé (U+{0:04X})</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="79" />
      <source>contains {0}, which the certificate's fonts cannot draw; write the name or address as the certificate is to show it, without that character</source>
      <translation>contient {0}, que les polices du certificat ne peuvent pas tracer; écrivez le nom ou l'adresse comme le certificat doit l'afficher, sans ce caractère</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="95" />
      <source>must be on one line (a line break was found)</source>
      <translation>doit tenir sur une seule ligne (un saut de ligne a été trouvé)</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="114" />
      <source>An email address must have an @-sign.</source>
      <translation>Une adresse courriel doit contenir un @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="115" />
      <source>There must be something before the @-sign.</source>
      <translation>Il doit y avoir quelque chose avant le @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="116" />
      <source>There must be something after the @-sign.</source>
      <translation>Il doit y avoir quelque chose après le @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="117" />
      <source>The part after the @-sign is not valid. It should have a period.</source>
      <translation>La partie après le @ n'est pas valide. Elle devrait contenir un point.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="118" />
      <source>The part after the @-sign is not valid. It is not within a valid top-level domain.</source>
      <translation>La partie après le @ n'est pas valide. Elle n'appartient pas à un domaine de premier niveau valide.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="121" />
      <source>The part after the @-sign is a special-use or reserved name that cannot be used with email.</source>
      <translation>La partie après le @ est un nom réservé ou à usage spécial qui ne peut pas servir au courriel.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="125" />
      <source>An email address cannot start with a period.</source>
      <translation>Une adresse courriel ne peut pas commencer par un point.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="126" />
      <source>An email address cannot end with a period.</source>
      <translation>Une adresse courriel ne peut pas se terminer par un point.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="127" />
      <source>An email address cannot have two periods in a row.</source>
      <translation>Une adresse courriel ne peut pas contenir deux points de suite.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="128" />
      <source>An email address cannot have a period immediately before the @-sign.</source>
      <translation>Une adresse courriel ne peut pas avoir un point juste avant le @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="129" />
      <source>An email address cannot have a period immediately after the @-sign.</source>
      <translation>Une adresse courriel ne peut pas avoir un point juste après le @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="130" />
      <source>An email address cannot have a hyphen immediately after the @-sign.</source>
      <translation>Une adresse courriel ne peut pas avoir un trait d'union juste après le @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="131" />
      <source>An email address cannot have a period and a hyphen next to each other.</source>
      <translation>Une adresse courriel ne peut pas avoir un point et un trait d'union côte à côte.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="134" />
      <source>The email address contains invalid characters before the @-sign.</source>
      <translation>L'adresse courriel contient des caractères non valides avant le @.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="135" />
      <source>The email address contains an invalid character.</source>
      <translation>L'adresse courriel contient un caractère non valide.</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="147" />
      <source>must be one email address, without a name or a second address</source>
      <translation>doit être une seule adresse courriel, sans nom ni seconde adresse</translation>
    </message>
    <message>
      <location filename="../../app/register/text.py" line="156" />
      <source>is not a valid email address ({0})</source>
      <translation>n'est pas une adresse courriel valide ({0})</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <location filename="../../app/settings.py" line="38" />
      <source>must be on one line (no line breaks)</source>
      <translation>doit tenir sur une seule ligne (sans saut de ligne)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="51" />
      <source>must be a whole number greater than zero</source>
      <translation>doit être un nombre entier supérieur à zéro</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="56" />
      <source>must be a port number from 1 to 65535</source>
      <translation>doit être un numéro de port de 1 à 65535</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="78" />
      <source>must be an http:// or https:// URL</source>
      <translation>doit être une URL http:// ou https://</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="100" />
      <source>may only name an https address on this computer (for tests); leave it empty for the real identity platform</source>
      <translation>ne peut désigner qu'une adresse https sur cet ordinateur (pour les essais); laissez-le vide pour la véritable plateforme d'identités</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="108" />
      <source>must be https://host:port with nothing after it</source>
      <translation>doit être https://hôte:port, sans rien après</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="135" />
      <source>Issuing body's name</source>
      <translation>Nom de l'organisme émetteur</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="141" />
      <source>Issuing body's name in French, on French and bilingual certificates (empty = the name above)</source>
      <translation>Nom de l'organisme émetteur en français, sur les certificats français et bilingues (vide = le nom ci-dessus)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="150" />
      <source>Issuing body's postal address (one line per line)</source>
      <translation>Adresse postale de l'organisme émetteur (une ligne par ligne)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="156" />
      <source>Path of the logo image (PNG/JPEG); empty = the built-in demo crest</source>
      <translation>Chemin de l'image du logo (PNG/JPEG) ; vide = l'écusson de démonstration intégré</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="161" />
      <source>Mark documents as DEMO (turn off only with real issuer details)</source>
      <translation>Marquer les documents DÉMO (à décocher avec les vraies coordonnées)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="166" />
      <source>Registrar's name</source>
      <translation>Nom du registraire</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="172" />
      <source>Registrar's title</source>
      <translation>Titre du registraire</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="178" />
      <source>Registrar's title in French, on French and bilingual certificates (empty = the title above)</source>
      <translation>Titre du registraire en français, sur les certificats français et bilingues (vide = le titre ci-dessus)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="187" />
      <source>Path of the registrar's signature image; empty = typed name</source>
      <translation>Chemin de l'image de la signature du registraire ; vide = nom dactylographié</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="192" />
      <source>Base URL printed in the QR code for checking a certificate</source>
      <translation>URL de base imprimée dans le code QR pour vérifier un certificat</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="198" />
      <source>Days a certificate stays valid</source>
      <translation>Durée de validité d'un certificat, en jours</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="204" />
      <source>Per institution type validity, as 'Type=days; Type=days' (others use the default)</source>
      <translation>Validité par type d'établissement, sous la forme « Type=jours; Type=jours » (les autres : la valeur par défaut)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="212" />
      <source>Consent statement shown in the wizard</source>
      <translation>Déclaration de consentement affichée dans l'assistant</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="219" />
      <source>College root (CA) certificate file; empty = demo</source>
      <translation>Fichier du certificat racine (AC) de l'Ordre ; vide = démonstration</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="225" />
      <source>PKCS#12 signing key file; empty = demo key</source>
      <translation>Fichier de la clé de signature PKCS#12 ; vide = clé de démonstration</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="231" />
      <source>PKCS#11 module of the signing token</source>
      <translation>Module PKCS#11 du jeton de signature</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="235" />
      <source>PKCS#11 token label</source>
      <translation>Étiquette du jeton PKCS#11</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="240" />
      <source>Signing key label on the token</source>
      <translation>Étiquette de la clé de signature sur le jeton</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="246" />
      <source>Time-stamping authority URL (RFC 3161)</source>
      <translation>URL de l'autorité d'horodatage (RFC 3161)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="252" />
      <source>Time-stamping authority's root certificate</source>
      <translation>Certificat racine de l'autorité d'horodatage</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="256" />
      <source>SMTP server host</source>
      <translation>Hôte du serveur SMTP</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="257" />
      <source>SMTP server port</source>
      <translation>Port du serveur SMTP</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="261" />
      <source>Connection security</source>
      <translation>Sécurité de la connexion</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="267" />
      <source>SMTP user name (password lives in the keyring)</source>
      <translation>Nom d'utilisateur SMTP (le mot de passe est dans le trousseau)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="273" />
      <source>Mail server sign-in: password, or OAuth 2.0 (oauth2-microsoft, oauth2-google)</source>
      <translation>Connexion au serveur de courriel : mot de passe, ou OAuth 2.0 (oauth2-microsoft, oauth2-google)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="281" />
      <source>Microsoft 365: the tenant ID (or domain)</source>
      <translation>Microsoft 365 : l'ID du locataire (ou le domaine)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="287" />
      <source>Microsoft 365: the application (client) ID; its secret or certificate lives in the keyring</source>
      <translation>Microsoft 365 : l'ID de l'application (client) ; son secret ou son certificat est dans le trousseau</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="296" />
      <source>For tests only: an https address on this computer standing in for the identity platform</source>
      <translation>Pour les essais seulement : une adresse https sur cet ordinateur tenant lieu de plateforme d'identité</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="305" />
      <source>From address</source>
      <translation>Adresse de l'expéditeur</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="308" />
      <source>Reply-To address</source>
      <translation>Adresse de réponse</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="312" />
      <source>Optional BCC archive address</source>
      <translation>Adresse d'archivage en copie cachée (facultative)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="318" />
      <source>Time-out for one SMTP operation, in seconds</source>
      <translation>Délai d'attente d'une opération SMTP, en secondes</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="324" />
      <source>Delivery attempts before a message is marked failed</source>
      <translation>Tentatives d'envoi avant qu'un message soit marqué en échec</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="328" />
      <source>Offline mode: queue everything, send nothing</source>
      <translation>Mode hors ligne : tout mettre en attente, ne rien envoyer</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="333" />
      <source>Demo mode: run a local mailbox server on loopback</source>
      <translation>Mode démonstration : serveur de courriel local (boucle locale)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="338" />
      <source>Extra CA certificate file (PEM) to trust for the mail server; empty = the system's CAs only</source>
      <translation>Fichier de certificat d'AC supplémentaire (PEM) pour le serveur de courriel ; vide = les AC du système seulement</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="347" />
      <source>Set by CPC Desk when the mail server refused the settings (e.g. sign-in); cleared when mail settings change or with 'Resume sending'</source>
      <translation>Inscrit par CPC Desk lorsque le serveur de courriel a refusé les paramètres (p. ex. la connexion); effacé quand les paramètres de courriel changent ou avec « Reprendre l'envoi »</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="357" />
      <source>Fingerprint of the mail settings the pause applies to (internal)</source>
      <translation>Empreinte des paramètres de courriel visés par la pause (interne)</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="363" />
      <source>Language of this desk's screens: system (the computer's), en or fr; applies at the next start</source>
      <translation>Langue des écrans de ce poste : system (celle de l'ordinateur), en ou fr; s'applique au prochain démarrage</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="372" />
      <source>Database URL; empty = SQLite in the data folder</source>
      <translation>URL de la base de données ; vide = SQLite dans le dossier de données</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="378" />
      <source>Lock the session after this many idle minutes</source>
      <translation>Verrouiller la session après ce nombre de minutes d'inactivité</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="384" />
      <source>Wrong passwords before an account is locked</source>
      <translation>Mots de passe erronés avant le verrouillage d'un compte</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="390" />
      <source>How long a locked account stays locked</source>
      <translation>Durée du verrouillage d'un compte, en minutes</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="470" />
      <source>secrets are kept only in the OS keyring, never in settings</source>
      <translation>les secrets sont conservés uniquement dans le trousseau du système, jamais dans les paramètres</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="485" />
      <source>must be true or false, not {0!r}</source>
      <translation>doit être true ou false, et non {0!r}</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="488" />
      <source>must be a whole number</source>
      <translation>doit être un nombre entier</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="493" />
      <source>must be a whole number, not {0!r}</source>
      <translation>doit être un nombre entier, et non {0!r}</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="498" />
      <source>must not contain a NUL character</source>
      <translation>ne doit pas contenir de caractère NUL</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="503" />
      <source>must be one of {0}</source>
      <translation>doit être l'une des valeurs suivantes : {0}</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="529" />
      <source>cannot read the settings file ({0})</source>
      <translation>impossible de lire le fichier de paramètres ({0})</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="573" />
      <source>no register is open to store it in</source>
      <translation>aucun tableau n'est ouvert pour l'y conserver</translation>
    </message>
    <message>
      <location filename="../../app/settings.py" line="596" />
      <location filename="../../app/settings.py" line="609" />
      <location filename="../../app/setting_changes.py" line="47" />
      <source>no such setting (see 'settings list')</source>
      <translation>paramètre inexistant (voir « settings list »)</translation>
    </message>
    <message>
      <location filename="../../app/setting_changes.py" line="40" />
      <source>secrets are kept only in the OS keyring: use 'settings set-password smtp' (or 'signing')</source>
      <translation>les secrets sont conservés uniquement dans le trousseau du système : utilisez « settings set-password smtp » (ou « signing »)</translation>
    </message>
    <message>
      <location filename="../../app/setting_changes.py" line="49" />
      <source>cannot be set here</source>
      <translation>ne peut pas être réglé ici</translation>
    </message>
    <message>
      <location filename="../../app/setting_changes.py" line="129" />
      <source>{0!r} is not a secret CPC Desk keeps</source>
      <translation>{0!r} n'est pas un secret que CPC Desk conserve</translation>
    </message>
    <message>
      <location filename="../../app/setting_changes.py" line="135" />
      <source>is empty; nothing was stored</source>
      <translation>est vide; rien n'a été conservé</translation>
    </message>
    <message>
      <location filename="../../app/setting_changes.py" line="137" />
      <source>must be one line</source>
      <translation>doit tenir sur une seule ligne</translation>
    </message>
  </context>
  <context>
    <name>Store</name>
    <message>
      <location filename="../../app/store/db.py" line="48" />
      <source>must not carry a password (it would be kept in a file, shown on screen or seen by other users in the process list): give the URL without it, and keep the password in the OS keyring ('cpc-desk settings set-password database'), a PGPASSFILE (~/.pgpass) or pg_service.conf</source>
      <translation>ne doit pas contenir de mot de passe (il serait conservé dans un fichier, affiché à l'écran ou visible des autres utilisateurs dans la liste des processus) : donnez l'URL sans lui, et conservez le mot de passe dans le trousseau du système (« cpc-desk settings set-password database »), un PGPASSFILE (~/.pgpass) ou pg_service.conf</translation>
    </message>
    <message>
      <location filename="../../app/store/db.py" line="166" />
      <source>The database at {0} was made by a newer version of CPC Desk (schema {1}; this version knows up to {2}). Install the newer version, or choose another data folder.</source>
      <translation>La base de données {0} a été créée par une version plus récente de CPC Desk (schéma {1}; cette version connaît jusqu'au schéma {2}). Installez la version plus récente, ou choisissez un autre dossier de données.</translation>
    </message>
    <message>
      <location filename="../../app/store/roles.py" line="95" />
      <source>must be a role name of lower-case letters, digits and _ (at most 63)</source>
      <translation>doit être un nom de rôle fait de lettres minuscules, de chiffres et de _ (au plus 63)</translation>
    </message>
    <message>
      <location filename="../../app/store/roles.py" line="138" />
      <source>must differ from the desks' role</source>
      <translation>doit différer du rôle des postes</translation>
    </message>
    <message>
      <location filename="../../app/store/roles.py" line="142" />
      <source>roles are for PostgreSQL; an SQLite file is guarded by its folder</source>
      <translation>les rôles s'appliquent à PostgreSQL; un fichier SQLite est protégé par son dossier</translation>
    </message>
  </context>
</TS>