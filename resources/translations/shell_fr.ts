<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../ui/shell/about.py" line="20"/>
        <source>About your Portal</source>
        <translation>À propos de votre portail</translation>
    </message>
    <message>
        <location filename="../../ui/shell/about.py" line="24"/>
        <source>&lt;p&gt;CPC Desk is the registrar staff&apos;s side of the member portal. From here you file a &lt;b&gt;Certificate of Professional Conduct&lt;/b&gt; on a member&apos;s behalf, and the certificate is sent straight to the organisation that asked for it — never to the physician.&lt;/p&gt;&lt;p&gt;A certificate states the member&apos;s registration and standing exactly as the register holds them. Members who are not active, or who have terms, conditions or limitations, discipline findings or a pending investigation are routed to a registrar for review before anything is issued.&lt;/p&gt;&lt;p&gt;Every certificate is digitally signed and carries a verification code and a QR code, so the receiving organisation can check that it is genuine and unaltered.&lt;/p&gt;</source>
        <translation>&lt;p&gt;CPC Desk est le côté du portail des membres réservé au personnel du registraire. Vous y déposez, au nom d&apos;un membre, une demande de &lt;b&gt;certificat de conduite professionnelle&lt;/b&gt;, et le certificat est envoyé directement à l&apos;organisme qui l&apos;a demandé — jamais au médecin.&lt;/p&gt;&lt;p&gt;Un certificat atteste l&apos;inscription et la situation du membre exactement telles que le tableau les consigne. Les demandes visant des membres qui ne sont pas actifs, ou qui font l&apos;objet de modalités, conditions ou restrictions, de conclusions disciplinaires ou d&apos;une enquête en cours, sont soumises à un registraire avant toute délivrance.&lt;/p&gt;&lt;p&gt;Chaque certificat est signé numériquement et porte un code de vérification et un code QR, afin que l&apos;organisme destinataire puisse vérifier qu&apos;il est authentique et n&apos;a pas été modifié.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/about.py" line="41"/>
        <source>Version {version}&lt;br&gt;Data folder: {folder}&lt;br&gt;Database: {db}&lt;br&gt;Signed in as: {user} ({role})</source>
        <translation>Version {version}&lt;br&gt;Dossier des données : {folder}&lt;br&gt;Base de données : {db}&lt;br&gt;Session ouverte par : {user} ({role})</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/shell/application.py" line="118"/>
        <location filename="../../ui/shell/application.py" line="147"/>
        <source>The database could not be opened.</source>
        <translation>La base de données n&apos;a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="120"/>
        <location filename="../../ui/shell/application.py" line="150"/>
        <source>CPC Desk cannot open its database</source>
        <translation>CPC Desk ne peut pas ouvrir sa base de données</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="151"/>
        <source>The database server asks for a password; {home}.</source>
        <translation>Le serveur de base de données demande un mot de passe; {home}.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="195"/>
        <source>Password store check failed: {0}</source>
        <translation>La vérification du magasin de mots de passe a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="202"/>
        <source>Demo mail server not started: {0}</source>
        <translation>Serveur de courriel de démonstration non démarré : {0}</translation>
    </message>
</context>
<context>
    <name>CertificateLanguage</name>
    <message>
        <location filename="../../ui/common/certificate_language.py" line="12"/>
        <source>English</source>
        <translation>Anglais (English)</translation>
    </message>
    <message>
        <location filename="../../ui/common/certificate_language.py" line="13"/>
        <source>French (français)</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/common/certificate_language.py" line="14"/>
        <source>Bilingual (English and French)</source>
        <translation>Bilingue (anglais et français)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/common/error_sentence.py" line="22"/>
        <source>Something went wrong ({0}).</source>
        <translation>Une erreur s&apos;est produite ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_sentence.py" line="25"/>
        <source>The details are in {0}.</source>
        <translation>Les détails se trouvent dans {0}.</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../../ui/shell/home.py" line="50"/>
        <source>About your Portal</source>
        <translation>À propos de votre portail</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="51"/>
        <source>Learn what you can do in the portal and how your information is used.</source>
        <translation>Ce que vous pouvez faire dans le portail et comment vos renseignements sont utilisés.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="55"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="56"/>
        <source>View a member&apos;s registration details, contact information and history.</source>
        <translation>L&apos;inscription d&apos;un membre, ses coordonnées et son historique.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="60"/>
        <source>Membership Services</source>
        <translation>Services aux membres</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="61"/>
        <source>Request certificates, copies of documents and other services from the College.</source>
        <translation>Demander à l&apos;Ordre des certificats, des copies de documents et d&apos;autres services.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="67"/>
        <source>Membership Renewal</source>
        <translation>Renouvellement de l&apos;adhésion</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="68"/>
        <source>Complete the annual renewal of registration and pay the membership fee.</source>
        <translation>Renouveler l&apos;inscription annuelle et payer la cotisation.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="72"/>
        <source>My Practice</source>
        <translation>Ma pratique</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="73"/>
        <source>Update practice locations, hospital privileges and scope of practice.</source>
        <translation>Mettre à jour les lieux d&apos;exercice, les privilèges hospitaliers et le champ d&apos;exercice.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="77"/>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="78"/>
        <source>Apply for a certificate of registration or change a class of registration.</source>
        <translation>Demander un certificat d&apos;inscription ou changer de catégorie d&apos;inscription.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="82"/>
        <source>Assistance Desk</source>
        <translation>Service d&apos;assistance</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="83"/>
        <source>Find a member or a request in seconds, say where it stands, resend.</source>
        <translation>Trouver un membre ou une demande en quelques secondes, dire où elle en est, renvoyer.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="88"/>
        <source>Batch Printing</source>
        <translation>Impression par lots</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="89"/>
        <source>Issue and print hundreds of certificates at once, with no network.</source>
        <translation>Délivrer et imprimer des centaines de certificats d&apos;un coup, sans réseau.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="94"/>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="95"/>
        <source>Certificate email waiting to be sent, sent, or failed; retry and resend.</source>
        <translation>Courriels de certificats en attente, envoyés ou en échec; réessayer et renvoyer.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="100"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="101"/>
        <source>Issuing body, registrar, mail server, validity periods and this desk&apos;s options.</source>
        <translation>Organisme émetteur, registraire, serveur de courriel, durées de validité et options de ce poste.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="109"/>
        <source>Registrar Review</source>
        <translation>Examen par le registraire</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="110"/>
        <source>Approve or decline the requests that need a registrar&apos;s decision before anything is issued.</source>
        <translation>Approuver ou refuser les demandes qui exigent la décision d&apos;un registraire avant toute délivrance.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="119"/>
        <source>Institutions</source>
        <translation>Établissements</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="120"/>
        <source>The directory of hospitals, universities, regulators and other recipients.</source>
        <translation>Le répertoire des hôpitaux, universités, organismes de réglementation et autres destinataires.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="126"/>
        <source>Verify a Certificate</source>
        <translation>Vérifier un certificat</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="127"/>
        <source>Check that a certificate PDF is genuine, unaltered, not revoked and still valid.</source>
        <translation>Vérifier qu&apos;un certificat PDF est authentique, inchangé, non révoqué et toujours valide.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="134"/>
        <source>Audit Trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="135"/>
        <source>Who did what, and when: every change of state, tamper-evident, exportable to CSV.</source>
        <translation>Qui a fait quoi, et quand : chaque changement d&apos;état, inviolable, exportable en CSV.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="143"/>
        <source>Staff Accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="144"/>
        <source>Add staff, set their roles, reset passwords and unlock accounts.</source>
        <translation>Ajouter du personnel, attribuer les rôles, réinitialiser les mots de passe, déverrouiller les comptes.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="150"/>
        <source>Demo Mailbox</source>
        <translation>Boîte aux lettres de démonstration</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="151"/>
        <source>The mail the local demo mail server received, with the certificates attached.</source>
        <translation>Le courrier reçu par le serveur de courriel de démonstration, certificats en pièce jointe.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="182"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="192"/>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="333"/>
        <source>Opening the desk…</source>
        <translation>Ouverture du poste…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/home.py" line="409"/>
        <source>Member portal and registrar&apos;s desk</source>
        <translation>Portail des membres et bureau du registraire</translation>
    </message>
</context>
<context>
    <name>LineBreaks</name>
    <message>
        <location filename="../../ui/common/line_breaks.py" line="26"/>
        <source>{0}: the line break in the pasted text was replaced by a space; check it reads well.</source>
        <translation>{0} : le saut de ligne du texte collé a été remplacé par une espace; vérifiez que le texte se lit bien.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="46"/>
        <source>clerk</source>
        <translation>commis</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="47"/>
        <source>registrar</source>
        <translation>registraire</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="48"/>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="65"/>
        <location filename="../../ui/shell/main_window.py" line="84"/>
        <location filename="../../ui/shell/main_window.py" line="421"/>
        <source>CPC Desk</source>
        <translation>CPC Desk</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="79"/>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="81"/>
        <source>Back to the home tiles (Alt+Home)</source>
        <translation>Retour aux tuiles d&apos;accueil (Alt+Début)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="91"/>
        <source>Signed-in user menu</source>
        <translation>Menu de l&apos;utilisateur connecté</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="94"/>
        <source>Change my &amp;password…</source>
        <translation>Changer mon mot de &amp;passe…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="96"/>
        <source>Work &amp;offline (this session)</source>
        <translation>Travailler &amp;hors ligne (cette session)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="101"/>
        <source>&amp;Switch user…</source>
        <translation>&amp;Changer d&apos;utilisateur…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="104"/>
        <source>Sign o&amp;ut</source>
        <translation>&amp;Fermer la session</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="108"/>
        <source>&amp;Quit CPC Desk</source>
        <translation>&amp;Quitter CPC Desk</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="131"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="155"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="198"/>
        <location filename="../../ui/shell/main_window.py" line="327"/>
        <source>Database: {0}</source>
        <translation>Base de données : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="243"/>
        <source>A request is being submitted</source>
        <translation>Une demande est en cours de soumission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="244"/>
        <source>Wait until the request is submitted and its result is shown, then sign out.</source>
        <translation>Attendez que la demande soit soumise et que son résultat s&apos;affiche, puis fermez la session.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="263"/>
        <source>Signed in: {0} ({1})</source>
        <translation>Session ouverte : {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="337"/>
        <source>{0} waiting</source>
        <translation>{0} en attente</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="339"/>
        <source>none waiting</source>
        <translation>aucune en attente</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/main_window.py" line="341"/>
        <source>%n request(s) await a registrar&apos;s decision.</source>
        <translation>
            <numerusform>%n demande attend la décision d&apos;un registraire.</numerusform>
            <numerusform>%n demandes attendent la décision d&apos;un registraire.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="345"/>
        <source>No request awaits a registrar&apos;s decision.</source>
        <translation>Aucune demande n&apos;attend la décision d&apos;un registraire.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="347"/>
        <source>Outbox: {0} waiting</source>
        <translation>Boîte d&apos;envoi : {0} en attente</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/main_window.py" line="349"/>
        <source>%n message(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n message en attente d&apos;envoi.</numerusform>
            <numerusform>%n messages en attente d&apos;envoi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="351"/>
        <source>No message waiting to be sent.</source>
        <translation>Aucun message en attente d&apos;envoi.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="354"/>
        <source>Mail: offline</source>
        <translation>Courriel : hors ligne</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="354"/>
        <source>Mail: online</source>
        <translation>Courriel : en ligne</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="369"/>
        <source>Still opening the database; this will open in a moment…</source>
        <translation>La base de données s&apos;ouvre encore; ceci s&apos;ouvrira dans un instant…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="385"/>
        <source>Not available to your role</source>
        <translation>Non disponible pour votre rôle</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="386"/>
        <source>{0} needs a role that allows it; you are signed in as {1} ({2}).</source>
        <translation>{0} exige un rôle qui le permet; votre session est ouverte en tant que {1} ({2}).</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../ui/common/pdf_view.py" line="54"/>
        <source>This computer has no application to show PDF files.</source>
        <translation>Cet ordinateur n&apos;a aucune application pour afficher les fichiers PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_view.py" line="58"/>
        <source>Saved as {0}</source>
        <translation>Enregistré sous {0}</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_view.py" line="61"/>
        <source>&amp;Copy path</source>
        <translation>&amp;Copier le chemin</translation>
    </message>
    <message>
        <location filename="../../ui/common/pdf_view.py" line="72"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/shell/placeholder.py" line="18"/>
        <source>This part of the member portal is not available at the registrar&apos;s desk in this version of CPC Desk. Members use it in the online portal; staff can help them from the Assistance Desk.</source>
        <translation>Cette partie du portail des membres n&apos;est pas offerte au bureau du registraire dans cette version de CPC Desk. Les membres l&apos;utilisent dans le portail en ligne; le personnel peut les aider depuis le service d&apos;assistance.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/placeholder.py" line="27"/>
        <source>Press Alt+Home or the Home button to go back.</source>
        <translation>Appuyez sur Alt+Début ou sur le bouton Accueil pour revenir.</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../ui/shell/screens.py" line="19"/>
        <source>About your Portal</source>
        <translation>À propos de votre portail</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="20"/>
        <source>Batch Printing</source>
        <translation>Impression par lots</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="22"/>
        <source>Membership Services</source>
        <translation>Services aux membres</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="25"/>
        <source>Registrar review</source>
        <translation>Examen par le registraire</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="27"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="28"/>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="30"/>
        <source>Verify a certificate</source>
        <translation>Vérifier un certificat</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="32"/>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="34"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="37"/>
        <source>Demo mailbox</source>
        <translation>Boîte aux lettres de démonstration</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="40"/>
        <source>Assistance Desk</source>
        <translation>Service d&apos;assistance</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="42"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screens.py" line="44"/>
        <source>Institutions</source>
        <translation>Établissements</translation>
    </message>
</context>
<context>
    <name>ServiceCatalogue</name>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="16"/>
        <source>Not available at the registrar&apos;s desk in this version of CPC Desk: members request it in the online portal, and staff can help them from the Assistance Desk.</source>
        <translation>Non offert au bureau du registraire dans cette version de CPC Desk : les membres en font la demande dans le portail en ligne, et le personnel peut les aider depuis le service d&apos;assistance.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="36"/>
        <source>Certificate of Professional Conduct</source>
        <translation>Certificat de conduite professionnelle</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="37"/>
        <source>A statement of the member&apos;s registration and standing, sent by email straight to the hospital, regulator or employer that asked for it.</source>
        <translation>Une attestation de l&apos;inscription et de la situation du membre, envoyée par courriel directement à l&apos;hôpital, à l&apos;organisme de réglementation ou à l&apos;employeur qui l&apos;a demandée.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="42"/>
        <location filename="../../ui/shell/catalogue.py" line="62"/>
        <source>$0</source>
        <translation>0 $</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="47"/>
        <source>Independent Health Facility (IHF)</source>
        <translation>Établissement de santé autonome (ESA)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="48"/>
        <source>Apply to act as an assessor or a quality advisor for an independent health facility.</source>
        <translation>Demander à agir comme évaluateur ou conseiller en qualité pour un établissement de santé autonome.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="52"/>
        <location filename="../../ui/shell/catalogue.py" line="72"/>
        <location filename="../../ui/shell/catalogue.py" line="81"/>
        <location filename="../../ui/shell/catalogue.py" line="89"/>
        <location filename="../../ui/shell/catalogue.py" line="98"/>
        <source>As listed in the member portal</source>
        <translation>Selon le portail des membres</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="56"/>
        <source>Copies of Documents</source>
        <translation>Copies de documents</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="57"/>
        <source>The member&apos;s Certificate of Registration, Membership Card and Membership Diploma, emailed to the member as signed PDFs.</source>
        <translation>Le certificat d&apos;inscription, la carte de membre et le diplôme de membre, envoyés au membre par courriel en PDF signés.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="67"/>
        <source>Resignation</source>
        <translation>Démission</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="68"/>
        <source>Resign the certificate of registration, for example on retiring or leaving Ontario.</source>
        <translation>Renoncer au certificat d&apos;inscription, par exemple à la retraite ou en quittant l&apos;Ontario.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="76"/>
        <source>Historical Fee Receipts</source>
        <translation>Reçus de cotisations antérieures</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="77"/>
        <source>Receipts for membership fees paid in earlier years, for tax or employer records.</source>
        <translation>Les reçus des cotisations payées les années précédentes, pour l&apos;impôt ou l&apos;employeur.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="85"/>
        <source>Address Correction</source>
        <translation>Correction d&apos;adresse</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="86"/>
        <source>Correct the practice or mailing address shown on the public register.</source>
        <translation>Corriger l&apos;adresse d&apos;exercice ou postale inscrite au tableau public.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="93"/>
        <source>Change of Scope / Re-entering Practice</source>
        <translation>Changement de champ d&apos;exercice / retour à la pratique</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="94"/>
        <source>Tell the College of a change in scope of practice, or plan a return to practice.</source>
        <translation>Informer l&apos;Ordre d&apos;un changement de champ d&apos;exercice, ou planifier un retour à la pratique.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="116"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="134"/>
        <source>Fee: {0}</source>
        <translation>Frais : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="137"/>
        <source>&amp;Start Request</source>
        <translation>&amp;Commencer la demande</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="139"/>
        <source>Start Request</source>
        <translation>Commencer la demande</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="150"/>
        <source>Not available at this desk: members request it in the online portal.</source>
        <translation>Non offert à ce poste : les membres en font la demande dans le portail en ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="164"/>
        <source>Start a {0} request (Enter)</source>
        <translation>Commencer une demande : {0} (Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="193"/>
        <source>{0}: press Enter to start a request.</source>
        <translation>{0} : appuyez sur Entrée pour commencer une demande.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="195"/>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="216"/>
        <source>Membership Services</source>
        <translation>Services aux membres</translation>
    </message>
    <message>
        <location filename="../../ui/shell/catalogue.py" line="219"/>
        <source>Requests a member can make. At this desk you file a Certificate of Professional Conduct on the member&apos;s behalf.</source>
        <translation>Les demandes qu&apos;un membre peut présenter. À ce poste, vous déposez une demande de certificat de conduite professionnelle au nom du membre.</translation>
    </message>
</context>
</TS>
