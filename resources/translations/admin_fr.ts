<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="62"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="63"/>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="64"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="65"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="66"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="67"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="68"/>
        <source>Change (before → after)</source>
        <translation>Modification (avant → après)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="98"/>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="98"/>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="131"/>
        <source>The audit trail is open to registrars and administrators. You are signed in as {0} ({1}).</source>
        <translation>Le journal d&apos;audit est réservé aux registraires et aux administrateurs. Vous avez ouvert une session en tant que {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="146"/>
        <source>CPSO number</source>
        <translation>Numéro CPSO</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="160"/>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="162"/>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="170"/>
        <source>&amp;Member:</source>
        <translation>&amp;Membre :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="172"/>
        <source>&amp;Staff user:</source>
        <translation>&amp;Personnel :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="174"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="190"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="194"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="197"/>
        <source>&amp;Check the chain</source>
        <translation>&amp;Vérifier la chaîne</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="200"/>
        <source>Recompute every event&apos;s hash to show that nothing was changed</source>
        <translation>Recalculer l&apos;empreinte de chaque événement pour montrer que rien n&apos;a été modifié</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="247"/>
        <source>(anyone)</source>
        <translation>(tout le monde)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="249"/>
        <source>(any kind)</source>
        <translation>(tous les types)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="274"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="301"/>
        <source>Showing the newest {0} events; narrow the filter or export CSV for all.</source>
        <translation>Affichage des {0} événements les plus récents ; précisez le filtre ou exportez en CSV pour tout voir.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/audit_screen.py" line="306"/>
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n événement.</numerusform>
            <numerusform>%n événements.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="319"/>
        <source>Export the audit trail</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="323"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="332"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/audit_screen.py" line="337"/>
        <source>%n event(s) exported to {0}.</source>
        <translation>
            <numerusform>%n événement exporté dans {0}.</numerusform>
            <numerusform>%n événements exportés dans {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="340"/>
        <source>Audit trail exported: {0}</source>
        <translation>Journal d&apos;audit exporté : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="347"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/audit_screen.py" line="361"/>
        <source>All %n event(s) are unchanged, and the register agrees with them.</source>
        <translation>
            <numerusform>L&apos;événement (%n) est inchangé, et le registre y est conforme.</numerusform>
            <numerusform>Les %n événements sont inchangés, et le registre y est conforme.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="367"/>
        <source>Audit trail intact</source>
        <translation>Journal d&apos;audit intact</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="369"/>
        <source>Audit trail broken</source>
        <translation>Journal d&apos;audit altéré</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_screen.py" line="374"/>
        <source>Audit trail check failed</source>
        <translation>Échec de la vérification du journal d&apos;audit</translation>
    </message>
</context>
<context>
    <name>DatabasePassword</name>
    <message>
        <location filename="../../ui/admin/database_password.py" line="16"/>
        <source>keep it in the OS keyring (&apos;settings set-password database&apos;) or a PGPASSFILE (~/.pgpass)</source>
        <translation>conservez-le dans le trousseau du système (« settings set-password database ») ou dans un fichier PGPASSFILE (~/.pgpass)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/database_password.py" line="31"/>
        <location filename="../../ui/admin/database_password.py" line="47"/>
        <source>Database password</source>
        <translation>Mot de passe de la base de données</translation>
    </message>
    <message>
        <location filename="../../ui/admin/database_password.py" line="36"/>
        <source>The database server asks for the password of {account}. It is used to open this desk only and is not stored; to be asked no more, {home}.</source>
        <translation>Le serveur de base de données demande le mot de passe de {account}. Il sert uniquement à ouvrir ce poste et n&apos;est pas conservé ; pour ne plus le saisir, {home}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/database_password.py" line="65"/>
        <source>Database password: type the password, or Cancel.</source>
        <translation>Mot de passe de la base de données : saisissez le mot de passe, ou Annuler.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/database_password.py" line="74"/>
        <source>Database password: the server refused it. Check it and try again.</source>
        <translation>Mot de passe de la base de données : le serveur l&apos;a refusé. Vérifiez-le et réessayez.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="40"/>
        <source>Import the register</source>
        <translation>Importer le registre</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="41"/>
        <source>cpso_number, first_name, last_name, registration_class, status, initial_registration_date; optional: middle_name, certificate_expiry_date, specialties (separated by ;), terms_conditions, discipline, pending_investigations, email, phone, practice_address</source>
        <translation>cpso_number, first_name, last_name, registration_class, status, initial_registration_date ; facultatives : middle_name, certificate_expiry_date, specialties (séparées par ;), terms_conditions, discipline, pending_investigations, email, phone, practice_address</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="49"/>
        <source>Import the institution directory</source>
        <translation>Importer le répertoire des établissements</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="50"/>
        <source>institution_type, name, street1, city, country, email; optional: attention, street2, street3, street4, state, postal_code, verified (yes/no)</source>
        <translation>institution_type, name, street1, city, country, email ; facultatives : attention, street2, street3, street4, state, postal_code, verified (yes/no)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="71"/>
        <source>A CSV file (UTF-8 or Windows-1252) with a header line naming the columns: {0}. Dates are written YYYY-MM-DD. Rows are added or updated as one whole: if any row is refused, nothing is imported unless you tick the second box. An empty cell never erases what is on file.</source>
        <translation>Un fichier CSV (UTF-8 ou Windows-1252) dont la ligne d&apos;en-tête nomme les colonnes : {0}. Les dates s&apos;écrivent AAAA-MM-JJ. Les lignes sont ajoutées ou mises à jour en un seul bloc : si une ligne est refusée, rien n&apos;est importé, sauf si vous cochez la deuxième case. Une cellule vide n&apos;efface jamais ce qui est au dossier.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="82"/>
        <source>The CSV file to import</source>
        <translation>Le fichier CSV à importer</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="83"/>
        <source>CSV file</source>
        <translation>Fichier CSV</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="84"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="89"/>
        <source>&amp;Check the file only; change nothing</source>
        <translation>&amp;Vérifier le fichier seulement, sans rien modifier</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="91"/>
        <source>Import the valid rows even if some are &amp;refused</source>
        <translation>Importer les lignes valides même si certaines sont &amp;refusées</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="98"/>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="107"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="112"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="114"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="117"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="130"/>
        <source>&amp;Save report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="133"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="136"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="147"/>
        <source>Importing needs a registrar or an administrator.</source>
        <translation>L&apos;importation est réservée aux registraires et aux administrateurs.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="153"/>
        <source>Choose the CSV file</source>
        <translation>Choisir le fichier CSV</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="155"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="169"/>
        <source>Choose the CSV file first.</source>
        <translation>Choisissez d&apos;abord le fichier CSV.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="173"/>
        <source>{0} does not exist or is not a file.</source>
        <translation>{0} n&apos;existe pas ou n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="208"/>
        <source>Reading {0}…</source>
        <translation>Lecture de {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="210"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="226"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="254"/>
        <source>Stopping; nothing will be changed…</source>
        <translation>Arrêt en cours ; rien ne sera modifié…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="267"/>
        <source>Save the report of refused rows</source>
        <translation>Enregistrer le rapport des lignes refusées</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="269"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="284"/>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="285"/>
        <source>Could not write {0}: {1}</source>
        <translation>Impossible d&apos;écrire {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/import_dialog.py" line="288"/>
        <source>Report saved to {0}</source>
        <translation>Rapport enregistré dans {0}</translation>
    </message>
</context>
<context>
    <name>Institutions</name>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="55"/>
        <location filename="../../ui/admin/institutions_screen.py" line="120"/>
        <source>Institution type</source>
        <translation>Type d&apos;établissement</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="56"/>
        <source>Institution name</source>
        <translation>Nom de l&apos;établissement</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="57"/>
        <source>Attention</source>
        <translation>À l&apos;attention de</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="58"/>
        <source>Street 1</source>
        <translation>Adresse, ligne 1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="59"/>
        <source>Street 2</source>
        <translation>Adresse, ligne 2</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="60"/>
        <source>Street 3</source>
        <translation>Adresse, ligne 3</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="61"/>
        <source>Street 4</source>
        <translation>Adresse, ligne 4</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="62"/>
        <location filename="../../ui/admin/institutions_screen.py" line="98"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="63"/>
        <source>State/Province</source>
        <translation>Province ou État</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="64"/>
        <location filename="../../ui/admin/institutions_screen.py" line="99"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="65"/>
        <source>Zip/Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="66"/>
        <source>Email address</source>
        <translation>Adresse courriel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="69"/>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="70"/>
        <source>Health authority or facility</source>
        <translation>Autorité ou établissement de santé</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="71"/>
        <source>Medical school or university</source>
        <translation>Faculté de médecine ou université</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="72"/>
        <source>Licensing or regulatory authority</source>
        <translation>Organisme de réglementation ou d&apos;attribution de permis</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="73"/>
        <source>Insurance or liability protection</source>
        <translation>Assurance ou protection en responsabilité</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="74"/>
        <source>Employer or locum agency</source>
        <translation>Employeur ou agence de remplacement</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="75"/>
        <source>Government or immigration</source>
        <translation>Gouvernement ou immigration</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="76"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="92"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="94"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="101"/>
        <location filename="../../ui/admin/institutions_screen.py" line="359"/>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="102"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="102"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="105"/>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="121"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="126"/>
        <source>Filter by name, city or email</source>
        <translation>Filtrer par nom, ville ou courriel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="129"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="134"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="172"/>
        <source>Entry</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="191"/>
        <source>Institution type:</source>
        <translation>Type d&apos;établissement :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="198"/>
        <location filename="../../ui/admin/institutions_screen.py" line="206"/>
        <source>{0}:</source>
        <translation>{0} :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="212"/>
        <source>Automatic: French in Quebec, English elsewhere</source>
        <translation>Automatique : français au Québec, anglais ailleurs</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="214"/>
        <source>Certificate language:</source>
        <translation>Langue du certificat :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="215"/>
        <source>&amp;Verified with the institution</source>
        <translation>&amp;Vérifiée auprès de l&apos;établissement</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="217"/>
        <source>The address and email were confirmed with the institution itself</source>
        <translation>L&apos;adresse et le courriel ont été confirmés par l&apos;établissement lui-même</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="226"/>
        <source>&amp;New</source>
        <translation>&amp;Nouvelle</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="228"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="231"/>
        <source>Mark &amp;verified</source>
        <translation>Marquer &amp;comme vérifiée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/institutions_screen.py" line="263"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/institutions_screen.py" line="328"/>
        <source>Not saved: %n problem(s), shown next to the fields.</source>
        <translation>
            <numerusform>Non enregistré : %n problème, indiqué à côté du champ.</numerusform>
            <numerusform>Non enregistré : %n problèmes, indiqués à côté des champs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/institutions_screen.py" line="348"/>
        <source>Saved {0}</source>
        <translation>Fiche enregistrée : {0}</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="13"/>
        <source>Mail server sign-in</source>
        <translation>Authentification au serveur de courriel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="14"/>
        <source>Language of this desk&apos;s screens</source>
        <translation>Langue des écrans de ce poste</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="21"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (habituellement le port 587)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="22"/>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS dès le début (habituellement le port 465)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="23"/>
        <source>None (unencrypted)</source>
        <translation>Aucune (non chiffrée)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="26"/>
        <source>User name and password</source>
        <translation>Nom d&apos;utilisateur et mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="27"/>
        <source>OAuth 2.0: Microsoft 365</source>
        <translation>OAuth 2.0 : Microsoft 365</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="28"/>
        <source>OAuth 2.0: Google Workspace</source>
        <translation>OAuth 2.0 : Google Workspace</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="31"/>
        <source>The computer&apos;s language</source>
        <translation>Celle de l&apos;ordinateur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_texts.py" line="59"/>
        <source>Applies at the next start.</source>
        <translation>S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="42"/>
        <source>Mail delivery</source>
        <translation>Envoi du courriel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="44"/>
        <source>Mail server</source>
        <translation>Serveur de courriel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="62"/>
        <source>Issuing body</source>
        <translation>Organisme émetteur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="66"/>
        <source>Registrar</source>
        <translation>Registraire</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="70"/>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="79"/>
        <source>Signing</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="91"/>
        <source>This desk</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="112"/>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="202"/>
        <location filename="../../ui/admin/settings_screen.py" line="687"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="204"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="206"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="219"/>
        <source>Only an administrator can change settings; you can read them and send a test email.</source>
        <translation>Seul un administrateur peut modifier les paramètres ; vous pouvez les consulter et envoyer un courriel d&apos;essai.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="307"/>
        <source>Password store</source>
        <translation>Stockage du mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="311"/>
        <source>SMTP password (not shown, never saved in a file)</source>
        <translation>Masqué, jamais écrit dans un fichier</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="313"/>
        <location filename="../../ui/admin/settings_screen.py" line="331"/>
        <source>SMTP password</source>
        <translation>Mot de passe SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="314"/>
        <source>Keep for this session only</source>
        <translation>Conserver pour cette session seulement</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="316"/>
        <source>The password is forgotten when CPC Desk closes</source>
        <translation>Le mot de passe est oublié à la fermeture de CPC Desk</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="318"/>
        <source>Store &amp;password</source>
        <translation>Enregistrer le mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="339"/>
        <source>address to send the test to</source>
        <translation>adresse à laquelle envoyer l&apos;essai</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="340"/>
        <location filename="../../ui/admin/settings_screen.py" line="360"/>
        <source>Send a test email to</source>
        <translation>Envoyer un courriel d&apos;essai à</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="341"/>
        <source>Send a &amp;test message</source>
        <translation>Envoyer un &amp;message d&apos;essai</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="364"/>
        <source>Test the &amp;verification address</source>
        <translation>&amp;Tester l&apos;adresse de vérification</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="366"/>
        <source>Fetch the address and check that the College&apos;s verification page answers there</source>
        <translation>Ouvrir l&apos;adresse et vérifier que la page de vérification de l&apos;Ordre y répond</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="385"/>
        <source>Trying {0}…</source>
        <translation>Essai de {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="410"/>
        <source>client secret (not shown, never saved in a file)</source>
        <translation>Masqué, jamais écrit dans un fichier</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="412"/>
        <source>OAuth secret</source>
        <translation>Secret OAuth</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="413"/>
        <source>Store &amp;secret</source>
        <translation>Enregistrer le &amp;secret</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="416"/>
        <source>From a &amp;file…</source>
        <translation>À partir d&apos;un &amp;fichier…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="418"/>
        <source>A certificate with its private key (PEM), or a Google service account key (JSON)</source>
        <translation>Un certificat avec sa clé privée (PEM), ou une clé de compte de service Google (JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="434"/>
        <source>OAuth secret, certificate or key</source>
        <translation>Secret, certificat ou clé OAuth</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="458"/>
        <source>Certificate (PEM) or service account key (JSON)</source>
        <translation>Certificat (PEM) ou clé de compte de service (JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="463"/>
        <source>Keys (*.pem *.json *.key)</source>
        <translation>Clés (*.pem *.json *.key)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="464"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="476"/>
        <source>OAuth secret: the file cannot be read ({0}).</source>
        <translation>Secret OAuth : le fichier ne peut pas être lu ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="495"/>
        <source>The OAuth secret is kept for this session only.</source>
        <translation>Le secret OAuth est conservé pour cette session seulement.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="497"/>
        <source>The OAuth secret is stored in the OS keyring.</source>
        <translation>Le secret OAuth est enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="508"/>
        <source>An SMTP password is stored.</source>
        <translation>Un mot de passe SMTP est enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="510"/>
        <source>No SMTP password is stored.</source>
        <translation>Aucun mot de passe SMTP n&apos;est enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="516"/>
        <source>An OAuth secret is stored.</source>
        <translation>Un secret OAuth est enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="518"/>
        <source>No OAuth secret is stored.</source>
        <translation>Aucun secret OAuth n&apos;est enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="533"/>
        <source>SMTP password: type the password first.</source>
        <translation>Mot de passe SMTP : saisissez d&apos;abord le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="540"/>
        <source>SMTP password: there is no secure password store; tick &apos;Keep for this session only&apos;.</source>
        <translation>Mot de passe SMTP : aucun stockage sécurisé n&apos;est disponible ; cochez « Conserver pour cette session seulement ».</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="556"/>
        <source>The SMTP password is kept for this session only.</source>
        <translation>Le mot de passe SMTP est conservé pour cette session seulement.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="558"/>
        <source>The SMTP password is stored in the OS keyring.</source>
        <translation>Le mot de passe SMTP est enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="572"/>
        <source>Sending a test email to {0}…</source>
        <translation>Envoi d&apos;un courriel d&apos;essai à {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="591"/>
        <source>Send a test email to: {0}</source>
        <translation>Envoyer un courriel d&apos;essai à : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="604"/>
        <source>The test email was not sent: {0}</source>
        <translation>Le courriel d&apos;essai n&apos;a pas été envoyé : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="635"/>
        <source>Sending is paused: {0} Fix the mail settings or the password, then save.</source>
        <translation>L&apos;envoi est suspendu : {0} Corrigez les paramètres de courriel ou le mot de passe, puis enregistrez.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="664"/>
        <source>Unsaved changes.</source>
        <translation>Modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="692"/>
        <location filename="../../ui/admin/settings_screen.py" line="702"/>
        <source>Saved, but mail cannot be sent yet: {0}</source>
        <translation>Enregistré, mais le courriel ne peut pas encore être envoyé : {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/settings_screen.py" line="695"/>
        <source>%n setting(s) saved.</source>
        <translation>
            <numerusform>%n paramètre enregistré.</numerusform>
            <numerusform>%n paramètres enregistrés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_screen.py" line="697"/>
        <source>Nothing changed.</source>
        <translation>Aucune modification.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/settings_screen.py" line="715"/>
        <source>Not saved: %n problem(s), shown next to the fields.</source>
        <translation>
            <numerusform>Non enregistré : %n problème, indiqué à côté du champ.</numerusform>
            <numerusform>Non enregistré : %n problèmes, indiqués à côté des champs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/admin/signin.py" line="48"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="66"/>
        <source>Sign in to CPC Desk</source>
        <translation>Ouvrir une session dans CPC Desk</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="69"/>
        <source>Who is working at this desk?</source>
        <translation>Qui travaille à ce poste ?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="72"/>
        <location filename="../../ui/admin/signin.py" line="162"/>
        <source>Database: {0}</source>
        <translation>Base de données : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="80"/>
        <location filename="../../ui/admin/signin.py" line="180"/>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="85"/>
        <location filename="../../ui/admin/signin.py" line="182"/>
        <location filename="../../ui/admin/signin.py" line="272"/>
        <location filename="../../ui/admin/signin.py" line="273"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="86"/>
        <location filename="../../ui/admin/signin.py" line="186"/>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="87"/>
        <location filename="../../ui/admin/signin.py" line="188"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="93"/>
        <location filename="../../ui/admin/signin.py" line="125"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Ouvrir une session</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="98"/>
        <location filename="../../ui/admin/signin.py" line="207"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="109"/>
        <source>Enter your username.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="113"/>
        <location filename="../../ui/admin/signin.py" line="311"/>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="125"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="150"/>
        <source>Create the administrator</source>
        <translation>Créer l&apos;administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="154"/>
        <source>This database has no staff accounts yet. Create the administrator: the account that adds the other staff and changes settings. Choose a password only you know.</source>
        <translation>Cette base de données n&apos;a encore aucun compte du personnel. Créez l&apos;administrateur : le compte qui ajoute les autres membres du personnel et modifie les paramètres. Choisissez un mot de passe que vous seul connaissez.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="181"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="183"/>
        <source>Password again</source>
        <translation>Confirmation du mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="187"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="189"/>
        <source>Password &amp;again:</source>
        <translation>&amp;Confirmation :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="192"/>
        <source>At least 8 characters; a short sentence is easy to remember and hard to guess.</source>
        <translation>Au moins 8 caractères ; une courte phrase est facile à retenir et difficile à deviner.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="203"/>
        <source>&amp;Create and sign in</source>
        <translation>Créer et &amp;ouvrir une session</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="216"/>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="264"/>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="277"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="280"/>
        <source>Sign in as &amp;someone else</source>
        <translation>Ouvrir une session sous un &amp;autre nom</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="285"/>
        <source>&amp;Quit CPC Desk</source>
        <translation>&amp;Quitter CPC Desk</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="420"/>
        <source>{0} is signed in. Enter the password to continue.</source>
        <translation>{0} a ouvert la session. Saisissez le mot de passe pour continuer.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="473"/>
        <source>Cannot sign in</source>
        <translation>Impossible d&apos;ouvrir une session</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="508"/>
        <source>Sign out</source>
        <translation>Fermer la session</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="514"/>
        <source>Signed out: who is working?</source>
        <translation>Session fermée : qui travaille ?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="528"/>
        <source>Sign in as someone else</source>
        <translation>Ouvrir une session sous un autre nom</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="574"/>
        <source>Change my password</source>
        <translation>Modifier mon mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="581"/>
        <source>&amp;Current password:</source>
        <translation>Mot de passe &amp;actuel :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="582"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="583"/>
        <source>New password &amp;again:</source>
        <translation>&amp;Confirmation :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="594"/>
        <source>&amp;Change password</source>
        <translation>&amp;Modifier le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="606"/>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="623"/>
        <source>Password changed</source>
        <translation>Mot de passe modifié</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signin.py" line="624"/>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été modifié.</translation>
    </message>
</context>
<context>
    <name>SigningPin</name>
    <message>
        <location filename="../../ui/admin/signing_pin.py" line="22"/>
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signing_pin.py" line="26"/>
        <source>Certificates are signed with a key that needs {what}. It is kept for this session only.</source>
        <translation>Les certificats sont signés avec une clé qui exige {what}. Ce secret est conservé pour cette session seulement.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signing_pin.py" line="36"/>
        <source>PIN or passphrase</source>
        <translation>NIP ou phrase secrète</translation>
    </message>
    <message>
        <location filename="../../ui/admin/signing_pin.py" line="46"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="40"/>
        <source>Clerk</source>
        <translation>Commis</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="41"/>
        <source>Registrar</source>
        <translation>Registraire</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="42"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="60"/>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="61"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="62"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="63"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="64"/>
        <source>Locked until</source>
        <translation>Verrouillé jusqu&apos;à</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="78"/>
        <source>Staff accounts are managed by administrators. You are signed in as {0} ({1}).</source>
        <translation>Les comptes du personnel sont gérés par les administrateurs. Vous avez ouvert une session en tant que {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="102"/>
        <source>Selected account</source>
        <translation>Compte sélectionné</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="104"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="108"/>
        <source>Change &amp;role</source>
        <translation>Changer le &amp;rôle</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="117"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="118"/>
        <source>Set &amp;password</source>
        <translation>Définir le mot de &amp;passe</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="124"/>
        <location filename="../../ui/admin/staff_screen.py" line="223"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="127"/>
        <source>&amp;Unlock</source>
        <translation>Dé&amp;verrouiller</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="134"/>
        <source>Account:</source>
        <translation>Compte :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="135"/>
        <source>Role:</source>
        <translation>Rôle :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="136"/>
        <source>New password:</source>
        <translation>Nouveau mot de passe :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="141"/>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="154"/>
        <source>&amp;Add account</source>
        <translation>&amp;Ajouter le compte</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="157"/>
        <source>User&amp;name:</source>
        <translation>&amp;Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="158"/>
        <source>Na&amp;me:</source>
        <translation>No&amp;m :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="159"/>
        <source>R&amp;ole:</source>
        <translation>Rô&amp;le :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="160"/>
        <source>Pass&amp;word:</source>
        <translation>Mo&amp;t de passe :</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="188"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="188"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="218"/>
        <source>(none) — choose an account in the list</source>
        <translation>(aucun) — choisissez un compte dans la liste</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="225"/>
        <source>Re&amp;activate</source>
        <translation>Réactiv&amp;er</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="242"/>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="249"/>
        <source>{0} is now {1}.</source>
        <translation>Rôle de {0} : {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="258"/>
        <source>Password of {0} changed.</source>
        <translation>Mot de passe de {0} modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="266"/>
        <source>{0} reactivated.</source>
        <translation>Compte {0} réactivé.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="268"/>
        <source>{0} deactivated.</source>
        <translation>Compte {0} désactivé.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="274"/>
        <source>{0} unlocked.</source>
        <translation>Compte {0} déverrouillé.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/staff_screen.py" line="285"/>
        <source>Account {0} added.</source>
        <translation>Compte {0} ajouté.</translation>
    </message>
</context>
</TS>
