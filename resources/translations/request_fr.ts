<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>CpcWizard</name>
    <message>
        <location filename="../../ui/request/consent_page.py" line="25"/>
        <source>In person</source>
        <translation>En personne</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="26"/>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="27"/>
        <source>Signed form</source>
        <translation>Formulaire signé</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="28"/>
        <source>Member portal</source>
        <translation>Portail des membres</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="45"/>
        <source>Consent for Release of Information</source>
        <translation>Consentement à la communication de renseignements</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="47"/>
        <source>Read the statement to the member and record how consent was given.</source>
        <translation>Lisez la déclaration au membre et indiquez comment le consentement a été donné.</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="60"/>
        <source>The member &amp;gives consent, as stated above (required)</source>
        <translation>Le membre &amp;donne son consentement, tel qu’énoncé ci-dessus (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="65"/>
        <source>Choose how…</source>
        <translation>Choisissez le mode…</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="68"/>
        <source>&amp;How consent was given *</source>
        <translation>&amp;Mode de consentement *</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="74"/>
        <source>N&amp;otes for the file (optional)</source>
        <translation>N&amp;otes au dossier (facultatif)</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="87"/>
        <source>The certificate will include the following, exactly as the register holds it:</source>
        <translation>Le certificat comprendra ce qui suit, exactement tel qu’inscrit au tableau :</translation>
    </message>
    <message>
        <location filename="../../ui/request/consent_page.py" line="134"/>
        <source>Consent will be recorded as taken by {0} at the time you submit.</source>
        <translation>Le consentement sera consigné comme recueilli par {0} au moment de la soumission.</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="28"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="30"/>
        <source>Failed: {0}</source>
        <translation>Échec : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="31"/>
        <source>the server refused it</source>
        <translation>le serveur l’a refusé</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="34"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="37"/>
        <source>Queued — offline mode, will be sent when the desk is back online</source>
        <translation>En attente — mode hors ligne, sera envoyé quand le poste sera de nouveau en ligne</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="39"/>
        <source>Queued — mail server unreachable, will retry ({0})</source>
        <translation>En attente — serveur de courriel injoignable, nouvel essai prévu ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="40"/>
        <source>Queued — will be sent shortly</source>
        <translation>En attente — sera envoyé sous peu</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="41"/>
        <location filename="../../ui/request/done_page.py" line="177"/>
        <source>Not issued</source>
        <translation>Non délivré</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="49"/>
        <location filename="../../ui/request/recipient_page.py" line="91"/>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="50"/>
        <location filename="../../ui/request/recipient_page.py" line="62"/>
        <source>Email address</source>
        <translation>Adresse courriel</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="51"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="52"/>
        <source>Verification code</source>
        <translation>Code de vérification</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="53"/>
        <source>Delivery</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="60"/>
        <source>Submitted</source>
        <translation>Demande soumise</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="84"/>
        <source>&amp;Open PDF</source>
        <translation>&amp;Ouvrir le PDF</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="85"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="86"/>
        <source>&amp;Copy verification code</source>
        <translation>&amp;Copier le code de vérification</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="87"/>
        <source>Open the &amp;verification page</source>
        <translation>Page de &amp;vérification</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="89"/>
        <source>Open the verification page for this certificate in the browser</source>
        <translation>Ouvrir la page de vérification de ce certificat dans le navigateur</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="91"/>
        <source>Start &amp;another request for this member</source>
        <translation>Nouvelle dem&amp;ande pour ce membre</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="125"/>
        <source>Sent to a registrar for review</source>
        <translation>Transmise à un registraire pour examen</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="127"/>
        <source>Nothing is issued until a registrar approves the request.</source>
        <translation>Rien n’est délivré avant qu’un registraire approuve la demande.</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="130"/>
        <source>&lt;p&gt;Request &lt;b&gt;{number}&lt;/b&gt; for {name} (CPSO# {cpso}) was recorded and is &lt;b&gt;awaiting registrar review&lt;/b&gt;: {reasons}.&lt;/p&gt;&lt;p&gt;No certificate has been issued yet. When a registrar approves it, the certificates are issued and sent to the recipients below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La demande &lt;b&gt;{number}&lt;/b&gt; pour {name} (nº CPSO {cpso}) a été enregistrée et est &lt;b&gt;en attente d’examen par un registraire&lt;/b&gt; : {reasons}.&lt;/p&gt;&lt;p&gt;Aucun certificat n’a encore été délivré. Lorsqu’un registraire approuvera la demande, les certificats seront délivrés et envoyés aux destinataires ci-dessous.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="144"/>
        <source>Certificates issued</source>
        <translation>Certificats délivrés</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="146"/>
        <source>Each certificate is signed and stored; its email state is shown below.</source>
        <translation>Chaque certificat est signé et conservé; l’état de son courriel est indiqué ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="151"/>
        <source> (this request had already been submitted)</source>
        <translation> (cette demande avait déjà été soumise)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request/done_page.py" line="156"/>
        <source>&lt;p&gt;Request &lt;b&gt;{number}&lt;/b&gt; for {name} (CPSO# {cpso}): %n certificate(s) issued{again}.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Demande &lt;b&gt;{number}&lt;/b&gt; pour {name} (nº CPSO {cpso}) : %n certificat délivré{again}.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Demande &lt;b&gt;{number}&lt;/b&gt; pour {name} (nº CPSO {cpso}) : %n certificats délivrés{again}.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="175"/>
        <source>Awaiting review</source>
        <translation>En attente d’examen</translation>
    </message>
    <message>
        <location filename="../../ui/request/done_page.py" line="181"/>
        <source>{0} · printed</source>
        <translation>{0} · imprimé</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="40"/>
        <location filename="../../ui/request/review_page.py" line="47"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="42"/>
        <source>Find the member by CPSO number or name (accents do not matter).</source>
        <translation>Trouvez le membre par son numéro CPSO ou son nom (avec ou sans accents).</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="48"/>
        <source>e.g. 123456 or helene cote</source>
        <translation>p. ex. 123456 ou helene cote</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="50"/>
        <source>&amp;Find member:</source>
        <translation>&amp;Rechercher un membre :</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="55"/>
        <source>Members found</source>
        <translation>Membres trouvés</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="64"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="65"/>
        <source>CPSO#</source>
        <translation>Nº CPSO</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="66"/>
        <source>Class of registration</source>
        <translation>Catégorie d’inscription</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="67"/>
        <source>Registration status</source>
        <translation>Statut d’inscription</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="131"/>
        <source>{name}  —  CPSO# {cpso}  —  {cls}, {status}</source>
        <translation>{name}  —  nº CPSO {cpso}  —  {cls}, {status}</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="142"/>
        <source>No member matches “{0}”.</source>
        <translation>Aucun membre ne correspond à « {0} ».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request/member_page.py" line="144"/>
        <source>%n member(s) found — ↓ to choose, Enter to continue.</source>
        <translation>
            <numerusform>%n membre trouvé — ↓ pour choisir, Entrée pour continuer.</numerusform>
            <numerusform>%n membres trouvés — ↓ pour choisir, Entrée pour continuer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="187"/>
        <source>This member&apos;s request will go to a registrar for review before anything is issued: {0}.</source>
        <translation>La demande de ce membre sera examinée par un registraire avant toute délivrance : {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/request/member_page.py" line="203"/>
        <source>Member: choose a member from the list (type a CPSO number or name first).</source>
        <translation>Membre : choisissez un membre dans la liste (tapez d’abord un numéro CPSO ou un nom).</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="50"/>
        <source>Institution type</source>
        <translation>Type d’établissement</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="51"/>
        <source>Institution</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="52"/>
        <source>Organisation name</source>
        <translation>Nom de l’organisation</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="53"/>
        <source>Attention</source>
        <translation>À l’attention de</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="54"/>
        <source>Street 1</source>
        <translation>Adresse, ligne 1</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="55"/>
        <source>Street 2</source>
        <translation>Adresse, ligne 2</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="56"/>
        <source>Street 3</source>
        <translation>Adresse, ligne 3</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="57"/>
        <source>Street 4</source>
        <translation>Adresse, ligne 4</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="58"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="59"/>
        <source>State/Province</source>
        <translation>Province/État</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="60"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="61"/>
        <source>Zip/Postal code</source>
        <translation>Code postal/ZIP</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="63"/>
        <source>Certificate language</source>
        <translation>Langue du certificat</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="75"/>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="93"/>
        <source>Where the certificate is to be sent. Each recipient gets its own certificate, by email.</source>
        <translation>Où envoyer le certificat. Chaque destinataire reçoit son propre certificat, par courriel.</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="120"/>
        <source>the address the certificate is to be sent to</source>
        <translation>l’adresse à laquelle envoyer le certificat</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="155"/>
        <source>Sa&amp;ve this institution to the directory (marked unverified)</source>
        <translation>&amp;Enregistrer cet établissement dans le répertoire (marqué non vérifié)</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="181"/>
        <source>Institution &amp;type</source>
        <translation>&amp;Type d’établissement</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="182"/>
        <source>Institution na&amp;me</source>
        <translation>Nom de l’établisse&amp;ment</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="184"/>
        <location filename="../../ui/request/recipient_page.py" line="357"/>
        <source>&amp;Organisation name *</source>
        <translation>&amp;Nom de l’organisation *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="185"/>
        <source>Attent&amp;ion</source>
        <translation>À l’&amp;attention de</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="187"/>
        <source>Street &amp;1 *</source>
        <translation>Adresse, ligne &amp;1 *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="188"/>
        <source>Street &amp;2</source>
        <translation>Adresse, ligne &amp;2</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="190"/>
        <source>Street &amp;3</source>
        <translation>Adresse, ligne &amp;3</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="191"/>
        <source>Street &amp;4</source>
        <translation>Adresse, ligne &amp;4</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="193"/>
        <source>Co&amp;untry *</source>
        <translation>Pa&amp;ys *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="194"/>
        <location filename="../../ui/request/recipient_page.py" line="445"/>
        <source>&amp;State/Province *</source>
        <translation>Pro&amp;vince/État *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="196"/>
        <source>Cit&amp;y *</source>
        <translation>V&amp;ille *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="197"/>
        <source>&amp;Zip/Postal code *</source>
        <translation>Code p&amp;ostal/ZIP *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="199"/>
        <source>&amp;Email address *</source>
        <translation>Adresse &amp;courriel *</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="200"/>
        <source>Certificate &amp;language</source>
        <translation>&amp;Langue du certificat</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="205"/>
        <source>A&amp;dd another recipient</source>
        <translation>Ajouter un autre &amp;destinataire</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="208"/>
        <source>&amp;Remove from the list</source>
        <translation>&amp;Retirer de la liste</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="214"/>
        <source>Recipients added</source>
        <translation>Destinataires ajoutés</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="215"/>
        <source>Recipients already added:</source>
        <translation>Destinataires déjà ajoutés :</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="297"/>
        <source>Choose an institution…</source>
        <translation>Choisissez un établissement…</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="300"/>
        <source> (unverified)</source>
        <translation> (non vérifié)</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="303"/>
        <source>Other (type the organisation and its address)</source>
        <translation>Autre (tapez l’organisation et son adresse)</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="318"/>
        <source>Name, address and email from the institution directory; to send elsewhere choose Other.</source>
        <translation>Nom, adresse et courriel tirés du répertoire des établissements; pour envoyer ailleurs, choisissez Autre.</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="323"/>
        <source>Saved by staff and not yet verified: confirm the address and email with the member before you submit.</source>
        <translation>Enregistré par le personnel et pas encore vérifié : confirmez l’adresse et le courriel avec le membre avant de soumettre la demande.</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="359"/>
        <source>&amp;Organisation name</source>
        <translation>&amp;Nom de l’organisation</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="431"/>
        <source>Choose a province or territory…</source>
        <translation>Choisissez une province ou un territoire…</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="433"/>
        <source>Choose a state…</source>
        <translation>Choisissez un État…</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="447"/>
        <source>&amp;State/Province</source>
        <translation>Pro&amp;vince/État</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="449"/>
        <source>12345 or 12345-6789</source>
        <translation>12345 ou 12345-6789</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="543"/>
        <source>Institution name: choose an institution from the directory, or Other.</source>
        <translation>Nom de l’établissement : choisissez un établissement du répertoire, ou Autre.</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="558"/>
        <source>Email address: this recipient is already on the request.</source>
        <translation>Adresse courriel : ce destinataire figure déjà dans la demande.</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="652"/>
        <source>Nothing was issued. Correct what is marked, press Next, then Submit again.</source>
        <translation>Rien n’a été délivré. Corrigez ce qui est signalé, cliquez sur Suivant, puis de nouveau sur Soumettre.</translation>
    </message>
    <message>
        <location filename="../../ui/request/recipient_page.py" line="705"/>
        <source>Recipient {0} – {1}</source>
        <translation>Destinataire {0} – {1}</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="48"/>
        <source>CPSO# {0}</source>
        <translation>nº CPSO {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="56"/>
        <source>&lt;b&gt;Will go to a registrar for review:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Sera examinée par un registraire :&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="61"/>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="65"/>
        <source> (will be saved to the directory, unverified)</source>
        <translation> (sera enregistré dans le répertoire, non vérifié)</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="71"/>
        <source>Email: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Courriel : &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="73"/>
        <source>Certificate language: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Langue du certificat : &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="76"/>
        <source>What the certificate will disclose</source>
        <translation>Ce que le certificat communiquera</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="81"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="85"/>
        <source>Given by the member ({method}); recorded by {who} when you submit.</source>
        <translation>Donné par le membre ({method}); consigné par {who} à la soumission.</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="93"/>
        <source>“{0}”</source>
        <translation>« {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="98"/>
        <source>Notes: {0}</source>
        <translation>Notes : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="110"/>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="112"/>
        <source>Check the details and the certificate as it will be issued, then Submit.</source>
        <translation>Vérifiez les détails et le certificat tel qu’il sera délivré, puis soumettez la demande.</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="115"/>
        <source>&amp;Submit</source>
        <translation>&amp;Soumettre</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="185"/>
        <source>Rendering the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="211"/>
        <source>The preview could not be made: {0}</source>
        <translation>L’aperçu n’a pas pu être produit : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/review_page.py" line="248"/>
        <source>This certificate cannot be issued as entered: {0}</source>
        <translation>Ce certificat ne peut pas être délivré tel que saisi : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="62"/>
        <source>Certificate of Professional Conduct — new request</source>
        <translation>Certificat de conduite professionnelle — nouvelle demande</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="67"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="68"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="69"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="70"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="137"/>
        <source>Not submitted. Look the earlier request up in the Assistance Desk.</source>
        <translation>Demande non soumise. Consultez la demande précédente dans le Service d’assistance.</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="145"/>
        <source>File another request?</source>
        <translation>Déposer une autre demande?</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="146"/>
        <source>This member already has a recent request to the same address:
{0}

File another one?</source>
        <translation>Ce membre a déjà une demande récente à la même adresse :
{0}

En déposer une autre?</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="160"/>
        <source>Submitting… issuing and signing the certificates.</source>
        <translation>Soumission en cours… délivrance et signature des certificats.</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="209"/>
        <source>Nothing was issued: {0}. Correct it and press Submit again.</source>
        <translation>Rien n’a été délivré : {0}. Corrigez-le et cliquez de nouveau sur Soumettre.</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="222"/>
        <source>Request {0} filed for {1}</source>
        <translation>Demande {0} déposée pour {1}</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="237"/>
        <source>Offline mode: the email waits in the outbox and is sent when the desk is back online.</source>
        <translation>Mode hors ligne : le courriel attend dans la boîte d’envoi et sera envoyé quand le poste sera de nouveau en ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="244"/>
        <source>Sending the email…</source>
        <translation>Envoi du courriel…</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="295"/>
        <source>Every certificate was delivered to the mail server.</source>
        <translation>Tous les certificats ont été remis au serveur de courriel.</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="297"/>
        <source>Delivery will be retried from the outbox: {0}</source>
        <translation>L’envoi sera réessayé depuis la boîte d’envoi : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="299"/>
        <source>Messages not yet sent wait in the outbox and are retried automatically.</source>
        <translation>Les messages non encore envoyés attendent dans la boîte d’envoi et seront renvoyés automatiquement.</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="310"/>
        <source>The certificates are issued and wait in the outbox; sending failed for now: {0}</source>
        <translation>Les certificats sont délivrés et attendent dans la boîte d’envoi; l’envoi a échoué pour l’instant : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="336"/>
        <source>Open PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="355"/>
        <source>{0} printed</source>
        <translation>{0} imprimé</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="374"/>
        <source>Verification code {0} copied</source>
        <translation>Code de vérification {0} copié</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="407"/>
        <source>Cancel this request?</source>
        <translation>Annuler cette demande?</translation>
    </message>
    <message>
        <location filename="../../ui/request/wizard.py" line="408"/>
        <source>What you entered will be discarded; no request is filed. Cancel the request?</source>
        <translation>Ce que vous avez saisi sera perdu et aucune demande ne sera déposée. Annuler la demande?</translation>
    </message>
</context>
</TS>
