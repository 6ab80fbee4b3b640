<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name>Assistance</name>
        <message>
            <location filename="../../ui/desk/assistance.py" line="41" />
            <source>Type to search the register; Enter or a double-click opens the profile, ↓ moves to the results.</source>
            <translation>Saisissez votre recherche dans le registre ; Entrée ou un double-clic ouvre le profil, ↓ passe aux résultats.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="48" />
            <source>CPSO number</source>
            <translation>numéro CPSO</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="49" />
            <source>name</source>
            <translation>nom</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="50" />
            <source>certificate number</source>
            <translation>numéro de certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="51" />
            <source>verification code</source>
            <translation>code de vérification</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="52" />
            <source>request number</source>
            <translation>numéro de demande</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="69" />
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="70" />
            <source>Suspended</source>
            <translation>Suspendu</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="71" />
            <source>Revoked</source>
            <translation>Révoqué</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="72" />
            <source>Resigned</source>
            <translation>Démission</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="73" />
            <source>Expired</source>
            <translation>Expiré</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="74" />
            <source>Deceased</source>
            <translation>Décédé</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="86" />
            <source>CPSO #</source>
            <translation>Nº CPSO</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="90" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="91" />
            <source>Class of registration</source>
            <translation>Catégorie d'inscription</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="92" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="94" />
            <source>Found by</source>
            <translation>Trouvé par</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="144" />
            <source>CPSO number, name in any order, certificate number or verification code</source>
            <translation>Numéro CPSO, nom dans n'importe quel ordre, numéro de certificat ou code de vérification</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="147" />
            <source>Search members</source>
            <translation>Chercher des membres</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="209" />
            <source>No member, certificate or request matches “{0}”.</source>
            <translation>Aucun membre, certificat ou demande ne correspond à « {0} ».</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="215" />
            <source>The first {0} matches; type more to narrow them.</source>
            <translation>Les {0} premiers résultats ; précisez votre recherche pour les réduire.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/assistance.py" line="218" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n résultat</numerusform>
                <numerusform>%n résultats</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="227" />
            <source>The search failed: {0}</source>
            <translation>La recherche a échoué : {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="281" />
            <source>Find a member</source>
            <translation>Trouver un membre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="290" />
            <source>&amp;Open profile</source>
            <translation>&amp;Ouvrir le profil</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="292" />
            <source>&amp;Start a CPC request</source>
            <translation>&amp;Nouvelle demande de certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="298" />
            <source>&amp;Institution directory</source>
            <translation>&amp;Répertoire des établissements</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="300" />
            <source>&amp;Import register…</source>
            <translation>Im&amp;porter le registre…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="302" />
            <source>Add or update members from the register's CSV file</source>
            <translation>Ajouter ou mettre à jour des membres à partir du fichier CSV du registre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="314" />
            <source>&amp;Where is my certificate?</source>
            <translation>Où en est mon &amp;certificat ?</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="321" />
            <source>CPSO number, request number (R-0000123), certificate number or verification code</source>
            <translation>Numéro CPSO, numéro de demande (R-0000123), numéro de certificat ou code de vérification</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="327" />
            <source>Alt+W or Ctrl+Shift+W</source>
            <translation>Alt+C ou Ctrl+Maj+W</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="329" />
            <source>Status lookup</source>
            <translation>Suivi d'une demande</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="331" />
            <source>&amp;Look up</source>
            <translation>&amp;Trouver</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="336" />
            <source>&amp;Messages…</source>
            <translation>&amp;Messages…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="339" />
            <source>The messages of the request typed here: write, record a reply or call</source>
            <translation>Les messages de la demande saisie ici : écrire, consigner une réponse ou un appel</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="345" />
            <source>The answer appears here, in one sentence, in this computer's local time.</source>
            <translation>La réponse s'affiche ici, en une phrase, à l'heure locale de cet ordinateur.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="396" />
            <source>Type a CPSO number, request number, certificate number or verification code.</source>
            <translation>Saisissez un numéro CPSO, un numéro de demande, un numéro de certificat ou un code de vérification.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="405" />
            <source>Looking up…</source>
            <translation>Recherche en cours…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="418" />
            <source>No request, certificate or verification code “{0}” was found.</source>
            <translation>Aucune demande, aucun certificat ni aucun code de vérification « {0} » n'a été trouvé.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/assistance.py" line="439" />
            <source> and %n more request(s)</source>
            <translation>
                <numerusform> et %n autre demande</numerusform>
                <numerusform> et %n autres demandes</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="444" />
            <source>New messages not yet seen: {0}{1}</source>
            <translation>Nouveaux messages non lus : {0}{1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/assistance.py" line="456" />
            <source>Type a request number, certificate number or verification code to see its messages.</source>
            <translation>Saisissez un numéro de demande, un numéro de certificat ou un code de vérification pour en voir les messages.</translation>
        </message>
    </context>
    <context>
        <name>CopiesDialog</name>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="38" />
            <source>Certificate of Registration</source>
            <translation>Certificat d'inscription</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="39" />
            <source>Membership Card</source>
            <translation>Carte de membre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="40" />
            <source>Membership Diploma</source>
            <translation>Diplôme de membre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="59" />
            <location filename="../../ui/desk/copies_dialog.py" line="165" />
            <location filename="../../ui/desk/copies_dialog.py" line="234" />
            <source>Copies of Documents</source>
            <translation>Copies de documents</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="69" />
            <source>Whose documents?</source>
            <translation>Les documents de quel membre ?</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="83" />
            <source>Each document is signed, numbered in its own series and emailed to the member as a PDF. Choose one or more.</source>
            <translation>Chaque document est signé, numéroté dans sa propre série et envoyé au membre par courriel en PDF. Choisissez-en un ou plusieurs.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="116" />
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="110" />
            <source>Send to &amp;email:</source>
            <translation>Envoyer à l'adresse &amp;courriel :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="117" />
            <source>The address on file is filled in; correct it here for this request only.</source>
            <translation>L'adresse au dossier est inscrite ; corrigez-la ici pour cette demande seulement.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="142" />
            <source>&amp;Issue and email</source>
            <translation>É&amp;mettre et envoyer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="170" />
            <source>{0} · CPSO #{1}</source>
            <translation>{0} · nº CPSO {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="177" />
            <source>Not available: {0}.</source>
            <translation>Non disponible : {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="195" />
            <source>Documents: choose at least one.</source>
            <translation>Documents : choisissez-en au moins un.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="209" />
            <source>Request {0}: emailed to {1} (waiting in the outbox).</source>
            <translation>Demande {0} : envoyée à {1} (en attente dans la boîte d'envoi).</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="214" />
            <source>• {0}: {1}</source>
            <translation>• {0} : {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="219" />
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/copies_dialog.py" line="224" />
            <source>Documents issued on request {0}</source>
            <translation>Documents émis pour la demande {0}</translation>
        </message>
    </context>
    <context>
        <name>Profile</name>
        <message>
            <location filename="../../ui/desk/profile.py" line="62" />
            <source>Institution type</source>
            <translation>Type d'établissement</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="63" />
            <source>Institution</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="64" />
            <source>Institution name</source>
            <translation>Nom de l'établissement</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="65" />
            <source>Attention</source>
            <translation>À l'attention de</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="66" />
            <source>Street 1</source>
            <translation>Adresse, ligne 1</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="67" />
            <source>Street 2</source>
            <translation>Adresse, ligne 2</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="68" />
            <source>Street 3</source>
            <translation>Adresse, ligne 3</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="69" />
            <source>Street 4</source>
            <translation>Adresse, ligne 4</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="70" />
            <source>City</source>
            <translation>Ville</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="71" />
            <source>State/Province</source>
            <translation>Province/État</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="72" />
            <source>Country</source>
            <translation>Pays</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="73" />
            <source>Zip/Postal code</source>
            <translation>Code postal</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="74" />
            <source>Email address</source>
            <translation>Adresse courriel</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="84" />
            <source>{0} · CPSO #{1}</source>
            <translation>{0} · nº CPSO {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="91" />
            <source>{0} · printed</source>
            <translation>{0} · imprimé</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="97" />
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="103" />
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="105" />
            <source>Certificate {0}</source>
            <translation>Certificat {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="107" />
            <source>Request {0}</source>
            <translation>Demande {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="111" />
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="112" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="114" />
            <source>Tries</source>
            <translation>Tentatives</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="119" />
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="138" />
            <source>&amp;Reason (recorded, and told to anyone who checks the certificate):</source>
            <translation>&amp;Motif (consigné et communiqué à quiconque vérifie le certificat) :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="168" />
            <source>Reason: please say why; it is required.</source>
            <translation>Motif : veuillez indiquer la raison ; il est obligatoire.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="196" />
            <source>Send the certificate again to this &amp;address:</source>
            <translation>Renvoyer le certificat à cette &amp;adresse :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="212" />
            <source>&amp;Resend</source>
            <translation>&amp;Renvoyer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="240" />
            <location filename="../../ui/desk/profile.py" line="801" />
            <location filename="../../ui/desk/profile.py" line="852" />
            <source>Reissue</source>
            <translation>Réémettre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="243" />
            <source>Send it to a &amp;corrected name, address or email</source>
            <translation>L'envoyer à un nom, une adresse ou un courriel &amp;corrigés</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="254" />
            <location filename="../../ui/desk/profile.py" line="592" />
            <source>{0}:</source>
            <translation>{0} :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="327" />
            <source>Whose profile?</source>
            <translation>Le profil de quel membre ?</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="351" />
            <source>&amp;Other member…</source>
            <translation>&amp;Autre membre…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="353" />
            <source>&amp;Start a CPC request</source>
            <translation>&amp;Nouvelle demande de certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="360" />
            <source>Copies of &amp;documents…</source>
            <translation>Copies de &amp;documents…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="363" />
            <source>Email the member their Certificate of Registration, card or diploma</source>
            <translation>Envoyer au membre par courriel son certificat d'inscription, sa carte ou son diplôme</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="380" />
            <source>On the certificate</source>
            <translation>Sur le certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="382" />
            <source>Contact</source>
            <translation>Coordonnées</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="398" />
            <source>History, newest first</source>
            <translation>Historique, du plus récent au plus ancien</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="427" />
            <source>Open &amp;PDF</source>
            <translation>Ouvrir le &amp;PDF</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="429" />
            <source>P&amp;rint…</source>
            <translation>&amp;Imprimer…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="431" />
            <source>Verification pa&amp;ge</source>
            <translation>Vérifi&amp;cation</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="433" />
            <source>Open the verification page for this certificate in the browser</source>
            <translation>Ouvrir la page de vérification de ce certificat dans le navigateur</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="436" />
            <source>Send &amp;again now</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="438" />
            <source>Try the waiting or failed email once more, first in line</source>
            <translation>Réessayer le courriel en attente ou en échec, en tête de file</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="441" />
            <source>Resend &amp;to…</source>
            <translation>Ren&amp;voyer à…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="443" />
            <source>Send the certificate again, to a corrected address if need be</source>
            <translation>Renvoyer le certificat, au besoin à une adresse corrigée</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="446" />
            <source>Re&amp;issue…</source>
            <translation>Réémet&amp;tre…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="448" />
            <source>Issue a new certificate in place of this one, which is revoked</source>
            <translation>Émettre un nouveau certificat à la place de celui-ci, qui est révoqué</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="451" />
            <source>Re&amp;voke…</source>
            <translation>Révo&amp;quer…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="453" />
            <source>Withdraw this certificate: anyone who checks it is told it is revoked</source>
            <translation>Retirer ce certificat : quiconque le vérifie apprend qu'il est révoqué</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="456" />
            <location filename="../../ui/desk/profile.py" line="608" />
            <source>&amp;Messages…</source>
            <translation>&amp;Messages…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="459" />
            <source>The request's messages: write to the member, record a reply or call</source>
            <translation>Les messages de la demande : écrire au membre, consigner une réponse ou un appel</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="517" />
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="524" />
            <source>A registrar reviews requests: {0}</source>
            <translation>Un registraire examine les demandes : {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="527" />
            <source>None on record</source>
            <translation>Rien au dossier</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="531" />
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="532" />
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="533" />
            <source>Practice address</source>
            <translation>Adresse d'exercice</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="557" />
            <source>No requests or certificates yet.</source>
            <translation>Aucune demande ni aucun certificat pour l'instant.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="606" />
            <source>&amp;Messages ({0} new)…</source>
            <translation>&amp;Messages (nouveaux : {0})…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="617" />
            <source>A revoked certificate is not printed; Open PDF shows it for the file</source>
            <translation>Un certificat révoqué ne s'imprime pas ; Ouvrir le PDF l'affiche pour le dossier</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="619" />
            <source>Print the certificate; the print is recorded in the history</source>
            <translation>Imprimer le certificat ; l'impression est consignée dans l'historique</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/profile.py" line="643" />
            <source>%n new message(s) not yet seen: {0}</source>
            <translation>
                <numerusform>%n nouveau message non lu : {0}</numerusform>
                <numerusform>%n nouveaux messages non lus : {0}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="694" />
            <location filename="../../ui/desk/profile.py" line="717" />
            <source>Certificate</source>
            <translation>Certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="704" />
            <source>Saved {0}</source>
            <translation>Enregistré : {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="719" />
            <source>Opening {0}</source>
            <translation>Ouverture de {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="746" />
            <source>Send again</source>
            <translation>Renvoyer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="749" />
            <source>{0} is first in line for the next send</source>
            <translation>{0} est en tête de file pour le prochain envoi</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="759" />
            <source>Resend {0}</source>
            <translation>Renvoyer {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="770" />
            <source>Resend</source>
            <translation>Renvoyer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="779" />
            <source>Choose a certificate that was emailed first.</source>
            <translation>Choisissez d'abord un certificat envoyé par courriel.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="785" />
            <source>{0} will be sent to {1}</source>
            <translation>{0} sera envoyé à {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="804" />
            <source>{0} is already revoked. A new certificate will be issued to {1} in its place.</source>
            <translation>{0} est déjà révoqué. Un nouveau certificat sera émis à {1} à sa place.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="808" />
            <source>{0} will be revoked and a new certificate issued to {1} in its place.</source>
            <translation>{0} sera révoqué et un nouveau certificat sera émis à {1} à sa place.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="813" />
            <source>Reissue {0}</source>
            <translation>Réémettre {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="838" />
            <source>{0} reissued as {1}</source>
            <translation>{0} réémis sous le numéro {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="860" />
            <source>{0}, issued to {1}, will be revoked. Anyone who checks it from then on is told it is revoked and why. This cannot be undone; to send a corrected certificate, use Reissue instead.</source>
            <translation>{0}, émis à {1}, sera révoqué. Quiconque le vérifiera ensuite apprendra qu'il est révoqué et pourquoi. Cette action est irréversible ; pour envoyer un certificat corrigé, utilisez plutôt Réémettre.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="867" />
            <source>Revoke {0}</source>
            <translation>Révoquer {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="869" />
            <location filename="../../ui/desk/profile.py" line="903" />
            <source>Revoke</source>
            <translation>Révoquer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/profile.py" line="890" />
            <source>{0} is revoked</source>
            <translation>{0} est révoqué</translation>
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="46" />
            <source>In person</source>
            <translation>En personne</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="47" />
            <source>By phone</source>
            <translation>Par téléphone</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="48" />
            <source>Signed form</source>
            <translation>Formulaire signé</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="49" />
            <source>Member portal</source>
            <translation>Portail des membres</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="55" />
            <source>Request</source>
            <translation>Demande</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="56" />
            <source>Member</source>
            <translation>Membre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="57" />
            <source>CPSO#</source>
            <translation>Nº CPSO</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="58" />
            <source>Why it needs review</source>
            <translation>Motif de l'examen</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="59" />
            <location filename="../../ui/desk/review_screen.py" line="224" />
            <source>Recipients</source>
            <translation>Destinataires</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="60" />
            <source>Submitted</source>
            <translation>Soumise</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="71" />
            <source>Registrar review</source>
            <translation>Examen par le registraire</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="77" />
            <source>Only a registrar can review requests held back for review. You are signed in as {0}; ask a registrar to sign in at this desk.</source>
            <translation>Seul un registraire peut examiner les demandes retenues pour examen. Votre session est ouverte au nom de {0} ; demandez à un registraire d'ouvrir une session à ce poste.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="90" />
            <source>These requests were not issued automatically because of the member's registration status, terms, discipline or a pending investigation. Approve to issue and send the certificates, or decline with a reason.</source>
            <translation>Ces demandes n'ont pas été traitées automatiquement en raison du statut d'inscription du membre, de conditions, de mesures disciplinaires ou d'une enquête en cours. Approuvez-les pour émettre et envoyer les certificats, ou refusez-les en indiquant un motif.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="109" />
            <source>Requests awaiting review</source>
            <translation>Demandes en attente d'examen</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="131" />
            <source>Reason for declining (required to decline; kept on the request)</source>
            <translation>Motif du refus (obligatoire pour refuser ; conservé dans la demande)</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="133" />
            <source>Decline &amp;reason:</source>
            <translation>Motif du &amp;refus :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="143" />
            <source>&amp;Approve and issue</source>
            <translation>&amp;Approuver et émettre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="145" />
            <source>&amp;Decline</source>
            <translation>Re&amp;fuser</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="147" />
            <source>Re&amp;fresh</source>
            <translation>Ac&amp;tualiser</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="183" />
            <source>(the record has changed: now clean)</source>
            <translation>(le dossier a changé : il est maintenant sans réserve)</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="185" />
            <source>{0} by {1}</source>
            <translation>{0} par {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="205" />
            <source>&lt;p&gt;No request is waiting for review.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Aucune demande n'attend d'examen.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="212" />
            <source>{0} — {1} (CPSO# {2})</source>
            <translation>{0} — {1} (nº CPSO {2})</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="218" />
            <source>Why it needs review:</source>
            <translation>Motif de l'examen :</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="238" />
            <source>Consent given ({0}), recorded by {1}.</source>
            <translation>Consentement donné ({0}), consigné par {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="245" />
            <source>Notes: {0}</source>
            <translation>Notes : {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="266" />
            <source>Approve request</source>
            <translation>Approuver la demande</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/review_screen.py" line="267" />
            <source>Approve {0} and issue %n certificate(s) now? They are emailed to the recipients.</source>
            <translation>
                <numerusform>Approuver {0} et émettre %n certificat maintenant ? Il sera envoyé par courriel au destinataire.</numerusform>
                <numerusform>Approuver {0} et émettre %n certificats maintenant ? Ils seront envoyés par courriel aux destinataires.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="279" />
            <source>Issuing and signing…</source>
            <translation>Émission et signature…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="291" />
            <source>{0} approved: issued {1}. Sending…</source>
            <translation>{0} approuvée ; certificats émis : {1}. Envoi en cours…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="296" />
            <source>{0} approved and issued</source>
            <translation>Demande {0} approuvée et certificats émis</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="320" />
            <location filename="../../ui/desk/review_screen.py" line="325" />
            <source>{0}: {1}</source>
            <translation>{0} : {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="335" />
            <source>Decline reason: is required — say why the certificate is not issued.</source>
            <translation>Motif du refus : obligatoire — indiquez pourquoi le certificat n'est pas émis.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="349" />
            <source>{0} declined.</source>
            <translation>Demande {0} refusée.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/review_screen.py" line="357" />
            <source>Not approved: {0}</source>
            <translation>Non approuvée : {0}</translation>
        </message>
    </context>
    <context>
        <name>ThreadDialog</name>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="49" />
            <source>,</source>
            <translation> </translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="64" />
            <source>● New · </source>
            <translation>● Nouveau · </translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="67" />
            <source>{0} by {1} · {2}</source>
            <translation>{0} par {1} · {2}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="76" />
            <source>Subject: {0}</source>
            <translation>Objet : {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="101" />
            <source>Messages about {0}</source>
            <translation>Messages au sujet de {0}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="118" />
            <source>Subject (optional; the request number is always in it)</source>
            <translation>Objet (facultatif ; le numéro de la demande y figure toujours)</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="126" />
            <source>Plain text, at most {0} characters</source>
            <translation>Texte brut, au plus {0} caractères</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="140" />
            <source>&amp;Send to member</source>
            <translation>&amp;Envoyer au membre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="143" />
            <source>Record &amp;reply</source>
            <translation>Consigner une &amp;réponse</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="146" />
            <source>What the member wrote, typed in here; marked as recorded by staff</source>
            <translation>Ce que le membre a écrit, saisi ici ; indiqué comme consigné par le personnel</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="149" />
            <source>Record &amp;phone call</source>
            <translation>Consigner un &amp;appel</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="152" />
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="165" />
            <source>{0} / {1}</source>
            <translation>{0} / {1}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="174" />
            <location filename="../../ui/desk/thread_dialog.py" line="205" />
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="178" />
            <source>{0} for {1} · email on file: {2}</source>
            <translation>{0} pour {1} · courriel au dossier : {2}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="190" />
            <source>No messages yet.</source>
            <translation>Aucun message pour l'instant.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="220" />
            <source>Message queued for the member</source>
            <translation>Message placé dans la boîte d'envoi pour le membre</translation>
        </message>
        <message>
            <location filename="../../ui/desk/thread_dialog.py" line="229" />
            <source>Recorded</source>
            <translation>Consigné</translation>
        </message>
    </context>
    <context>
        <name>VerifyScreen</name>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="52" />
            <source>Drop a certificate PDF here</source>
            <translation>Déposez ici le PDF d'un certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="56" />
            <source>Choose a PDF file…</source>
            <translation>Choisir un fichier PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="106" />
            <source>Verify a certificate</source>
            <translation>Vérifier un certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="110" />
            <source>Check a Certificate of Professional Conduct that someone has sent back or asked about. The desk checks that the file's digital signature is intact and is this College's, that the certificate number is on record and the file is exactly the one issued, that it has not been revoked, and that it is still within its validity.</source>
            <translation>Vérifiez un certificat de conduite professionnelle qu'on vous a retourné ou au sujet duquel on vous interroge. Le poste vérifie que la signature numérique du fichier est intacte et est celle de l'Ordre, que le numéro du certificat figure au dossier et que le fichier est exactement celui qui a été émis, qu'il n'a pas été révoqué et qu'il est toujours valide.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="158" />
            <source>Choose a certificate PDF</source>
            <translation>Choisir le PDF d'un certificat</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="160" />
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="178" />
            <source>File: {name}</source>
            <translation>Fichier : {name}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="187" />
            <source>The file cannot be read ({reason}).</source>
            <translation>Le fichier ne peut pas être lu ({reason}).</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="195" />
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="211" />
            <source>This file could not be checked.</source>
            <translation>Ce fichier n'a pas pu être vérifié.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="221" />
            <source>Genuine and valid: certificate {number}.</source>
            <translation>Authentique et valide : certificat {number}.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="228" />
            <source>Certificate {number} is NOT valid.</source>
            <translation>Le certificat {number} n'est PAS valide.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="230" />
            <source>This file is NOT a valid certificate.</source>
            <translation>Ce fichier n'est PAS un certificat valide.</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="237" />
            <source>Member: {name}</source>
            <translation>Membre : {name}</translation>
        </message>
        <message>
            <location filename="../../ui/desk/verify_dialog.py" line="239" />
            <source> — addressed to {recipient}</source>
            <translation> — adressé à {recipient}</translation>
        </message>
    </context>
</TS>
