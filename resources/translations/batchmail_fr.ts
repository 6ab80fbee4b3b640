<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>BatchScreen</name>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="61" />
        <source>about {0} h {1:02d} min left</source>
        <translation>il reste environ {0} h {1:02d} min</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="64" />
        <source>about {0}:{1:02d} left</source>
        <translation>il reste environ {0}:{1:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="88" />
        <location filename="../../ui/batch/batch_screen.py" line="422" />
        <location filename="../../ui/batch/batch_screen.py" line="432" />
        <location filename="../../ui/batch/batch_screen.py" line="529" />
        <source>Batch Printing</source>
        <translation>Impression par lots</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="91" />
        <source>Issue and print many certificates at once. Nothing needs the network: email can wait in the outbox. A batch that is cancelled or interrupted resumes where it stopped when it is run again, and never issues a certificate twice.</source>
        <translation>Délivrez et imprimez plusieurs certificats à la fois. Rien n'exige le réseau : les courriels peuvent attendre dans la boîte d'envoi. Un lot annulé ou interrompu reprend là où il s'est arrêté lorsqu'il est relancé, et ne délivre jamais deux fois le même certificat.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="101" />
        <source>What to print</source>
        <translation>À imprimer</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="104" />
        <source>All certificates awaiting printing</source>
        <translation>Tous les certificats en attente d'impression</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="105" />
        <source>Certificates issued from</source>
        <translation>Certificats délivrés du</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="106" />
        <source>Certificates for one institution</source>
        <translation>Certificats destinés à un établissement</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="107" />
        <source>A requests file (CSV): issue, then print</source>
        <translation>Un fichier de demandes (CSV) : délivrer, puis imprimer</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="119" />
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="127" />
        <source>requests.csv: one row per certificate (see the README)</source>
        <translation>requests.csv : une ligne par certificat (voir le README)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="129" />
        <location filename="../../ui/batch/batch_screen.py" line="156" />
        <location filename="../../ui/batch/batch_screen.py" line="170" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="147" />
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="149" />
        <source>One merged, print-ready PDF:</source>
        <translation>Un seul PDF fusionné, prêt à imprimer :</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="150" />
        <source>Sorted by institution, then member name</source>
        <translation>Trié par établissement, puis par nom du membre</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="160" />
        <source>A separator sheet before each institution, addressed for a window envelope</source>
        <translation>Une feuille de séparation avant chaque établissement, adressée pour une enveloppe à fenêtre</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="165" />
        <source>One PDF per certificate in the folder:</source>
        <translation>Un PDF par certificat dans le dossier :</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="174" />
        <source>Queue each new certificate's email in the outbox (sent when online)</source>
        <translation>Mettre le courriel de chaque nouveau certificat dans la boîte d'envoi (envoyé une fois en ligne)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="177" />
        <source>Issue the valid rows even when some rows are refused</source>
        <translation>Délivrer les lignes valides même si certaines lignes sont refusées</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="180" />
        <source>Mark the certificates printed as soon as the print file is made (to print it elsewhere)</source>
        <translation>Marquer les certificats comme imprimés dès que le fichier d'impression est créé (pour l'imprimer ailleurs)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="186" />
        <source>Otherwise they are marked printed when Print… has sent the pages</source>
        <translation>Sinon, ils sont marqués comme imprimés quand Imprimer… a envoyé les pages</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="197" />
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="198" />
        <source>Start the batch (Alt+S, or Ctrl+Enter)</source>
        <translation>Démarrer le lot (Alt+D ou Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="203" />
        <source>Ca&amp;ncel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="204" />
        <source>Stop after the certificates in hand (Alt+N)</source>
        <translation>Arrêter après les certificats en cours (Alt+N)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="207" />
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="210" />
        <source>Send the merged print file to a printer (or to a PDF file)</source>
        <translation>Envoyer le fichier d'impression fusionné à une imprimante (ou dans un fichier PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="221" />
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="225" />
        <source>The summary of the batch appears here.</source>
        <translation>Le résumé du lot s'affiche ici.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="272" />
        <source>Choose a requests file</source>
        <translation>Choisir un fichier de demandes</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="274" />
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="283" />
        <source>Save the print file as</source>
        <translation>Enregistrer le fichier d'impression sous</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="285" />
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="294" />
        <source>Folder for the certificate files</source>
        <translation>Dossier des fichiers de certificats</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="333" />
        <source>Each row is checked before anything is issued.</source>
        <translation>Chaque ligne est vérifiée avant que quoi que ce soit ne soit délivré.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="335" />
        <source>Choose a requests file.</source>
        <translation>Choisissez un fichier de demandes.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="343" />
        <source>Counting…</source>
        <translation>Décompte…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="351" />
        <source>%n certificate(s) to print.</source>
        <translation><numerusform>%n certificat à imprimer.</numerusform><numerusform>%n certificats à imprimer.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="394" />
        <source>Replace the print file?</source>
        <translation>Remplacer le fichier d'impression ?</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="395" />
        <source>{0} already exists (an earlier batch's print file?). Replace it with this batch's certificates? Choose No to keep it and type another name.</source>
        <translation>{0} existe déjà (le fichier d'impression d'un lot précédent ?). Le remplacer par les certificats de ce lot ? Choisissez Non pour le conserver et saisir un autre nom.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="423" />
        <source>Choose at least one output: a print file or a folder.</source>
        <translation>Choisissez au moins une sortie : un fichier d'impression ou un dossier.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="433" />
        <source>Choose the requests file first.</source>
        <translation>Choisissez d'abord le fichier de demandes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="443" />
        <source>%n certificate(s), {0}</source>
        <translation><numerusform>%n certificat, {0}</numerusform><numerusform>%n certificats, {0}</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="454" />
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="454" />
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="465" />
        <source>Cancelling: finishing the certificates in hand…</source>
        <translation>Annulation : achèvement des certificats en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="497" />
        <source>Refused rows:</source>
        <translation>Lignes refusées :</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="503" />
        <source>Nothing was issued: some rows are refused (see below).</source>
        <translation>Rien n'a été délivré : des lignes sont refusées (voir ci-dessous).</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="507" />
        <source>Cancelled. Start again with the same choices to finish the batch.</source>
        <translation>Annulé. Relancez avec les mêmes choix pour terminer le lot.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="511" />
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="519" />
        <source>Batch finished: %n certificate(s) issued</source>
        <translation><numerusform>Lot terminé : %n certificat délivré</numerusform><numerusform>Lot terminé : %n certificats délivrés</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="557" />
        <location filename="../../ui/batch/batch_screen.py" line="573" />
        <location filename="../../ui/batch/batch_screen.py" line="638" />
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="558" />
        <source>The print file {0} cannot be read.</source>
        <translation>Le fichier d'impression {0} ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="574" />
        <source>The printer could not be started, so nothing was printed. Check it and try again.</source>
        <translation>L'imprimante n'a pas pu être lancée ; rien n'a été imprimé. Vérifiez-la et réessayez.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="604" />
        <source>Sent %n page(s) to the printer.</source>
        <translation><numerusform>%n page envoyée à l'imprimante.</numerusform><numerusform>%n pages envoyées à l'imprimante.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="614" />
        <source>Printing page {0} of {1}…</source>
        <translation>Impression de la page {0} sur {1}…</translation>
    </message>
    <message>
        <location filename="../../ui/batch/batch_screen.py" line="639" />
        <source>The pages were printed, but the print could not be recorded: {0}</source>
        <translation>Les pages ont été imprimées, mais l'impression n'a pas pu être consignée : {0}</translation>
    </message>
</context>
<context>
    <name>CertificatePrinting</name>
    <message>
        <location filename="../../ui/batch/certificate_printing.py" line="94" />
        <location filename="../../ui/batch/certificate_printing.py" line="99" />
        <location filename="../../ui/batch/certificate_printing.py" line="121" />
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../ui/batch/certificate_printing.py" line="100" />
        <source>The printer could not be started, so nothing was printed. Check the printer and try again.</source>
        <translation>L'imprimante n'a pas pu être lancée ; rien n'a été imprimé. Vérifiez l'imprimante et réessayez.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/certificate_printing.py" line="106" />
        <source>Sent %n page(s) to the printer</source>
        <translation><numerusform>%n page envoyée à l'imprimante</numerusform><numerusform>%n pages envoyées à l'imprimante</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/batch/certificate_printing.py" line="122" />
        <source>The certificate was printed, but the print could not be recorded: {0}</source>
        <translation>Le certificat a été imprimé, mais l'impression n'a pas pu être consignée : {0}</translation>
    </message>
</context>
<context>
    <name>MailboxScreen</name>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="46" />
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="50" />
        <location filename="../../ui/mail/mailbox_screen.py" line="244" />
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="51" />
        <location filename="../../ui/mail/mailbox_screen.py" line="247" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="53" />
        <location filename="../../ui/mail/mailbox_screen.py" line="148" />
        <location filename="../../ui/mail/mailbox_screen.py" line="151" />
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="92" />
        <location filename="../../ui/mail/mailbox_screen.py" line="284" />
        <location filename="../../ui/mail/mailbox_screen.py" line="289" />
        <source>Demo mailbox</source>
        <translation>Boîte aux lettres de démonstration</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="94" />
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="96" />
        <source>Open the &amp;Outbox</source>
        <translation>Ouvrir la &amp;boîte d'envoi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="133" />
        <location filename="../../ui/mail/mailbox_screen.py" line="233" />
        <source>Select a message to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="146" />
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="153" />
        <source>&amp;Open attachment</source>
        <translation>&amp;Ouvrir la pièce jointe</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="186" />
        <source>Demo mode is off: certificate email goes to the mail server set in Settings.</source>
        <translation>Le mode démonstration est désactivé : les courriels des certificats partent vers le serveur de courriel défini dans les Paramètres.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="191" />
        <source>The demo mail server is listening on {0}:{1}.</source>
        <translation>Le serveur de courriel de démonstration écoute sur {0}:{1}.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="195" />
        <source>The demo mail server is not running ({0}:{1}).</source>
        <translation>Le serveur de courriel de démonstration n'est pas en marche ({0}:{1}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/mailbox_screen.py" line="213" />
        <source>%n message(s) received, kept in {0}. {1}</source>
        <translation><numerusform>%n message reçu, conservé dans {0}. {1}</numerusform><numerusform>%n messages reçus, conservés dans {0}. {1}</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="243" />
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="245" />
        <source>Delivered to</source>
        <translation>Livré à</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="246" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="248" />
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="251" />
        <source>Reply-To</source>
        <translation>Répondre à</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="252" />
        <source>Auto-Submitted</source>
        <translation>Envoi automatique</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_screen.py" line="290" />
        <source>{0} is not a PDF; only PDFs open here.</source>
        <translation>{0} n'est pas un PDF ; seuls les PDF s'ouvrent ici.</translation>
    </message>
</context>
<context>
    <name>OutboxScreen</name>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="35" />
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="36" />
        <location filename="../../ui/mail/outbox_screen.py" line="312" />
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="37" />
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="38" />
        <source>Failed, will retry</source>
        <translation>Échec, nouvel essai prévu</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="39" />
        <source>Failed — needs action</source>
        <translation>Échec — intervention requise</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="40" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="50" />
        <source>sent {0}</source>
        <translation>envoyé le {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="53" />
        <source>next run</source>
        <translation>prochain passage</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="65" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="68" />
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="70" />
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="74" />
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="78" />
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="84" />
        <source>Next try / sent</source>
        <translation>Prochain essai / envoi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="89" />
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="106" />
        <location filename="../../ui/mail/outbox_screen.py" line="336" />
        <location filename="../../ui/mail/outbox_screen.py" line="409" />
        <source>Outbox</source>
        <translation>Boîte d'envoi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="114" />
        <source>Resume sending</source>
        <translation>Reprendre l'envoi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="116" />
        <source>After fixing the mail settings or the password, try again</source>
        <translation>Après avoir corrigé les paramètres de courriel ou le mot de passe, réessayez</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="127" />
        <source>&amp;Send now</source>
        <translation>&amp;Envoyer maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="128" />
        <source>Send every message that is due, now</source>
        <translation>Envoyer maintenant tous les messages dus</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="130" />
        <source>Show sent and cancelled</source>
        <translation>Afficher les envoyés et les annulés</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="132" />
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="168" />
        <source>Message details</source>
        <translation>Détails du message</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="170" />
        <source>Select a message to see its details.</source>
        <translation>Sélectionnez un message pour en voir les détails.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="174" />
        <source>Retry &amp;now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="177" />
        <location filename="../../ui/mail/outbox_screen.py" line="178" />
        <source>Corrected email address</source>
        <translation>Adresse courriel corrigée</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="180" />
        <source>Resend &amp;to this address</source>
        <translation>Renvoyer à cette a&amp;dresse</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="182" />
        <source>&amp;Cancel message</source>
        <translation>Annuler le &amp;message</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="240" />
        <source>Offline mode: nothing is sent; everything waits here. Turn it off in Settings.</source>
        <translation>Mode hors ligne : rien n'est envoyé ; tout attend ici. Désactivez-le dans les Paramètres.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="246" />
        <source>Sending is paused: {0}</source>
        <translation>L'envoi est suspendu : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="256" />
        <source>{0} waiting · {1} shown</source>
        <translation>{0} en attente · {1} à l'écran</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="294" />
        <source>Subject: {0}</source>
        <translation>Objet : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="295" />
        <source>To: {0}</source>
        <translation>À : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="296" />
        <source>Message-ID: {0}</source>
        <translation>Message-ID : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="297" />
        <source>Queued: {0}</source>
        <translation>Mis en file d'attente : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="300" />
        <source>Resent from message {0}</source>
        <translation>Renvoi du message {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="302" />
        <source>Last error: {0}</source>
        <translation>Dernière erreur : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="318" />
        <source>Sending {0} of {1}: {2}</source>
        <translation>Envoi {0} sur {1} : {2}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="326" />
        <source>Nothing due.</source>
        <translation>Aucun envoi dû.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="348" />
        <source>Message {0} will be sent on the next run.</source>
        <translation>Le message {0} sera envoyé au prochain passage.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="362" />
        <source>Corrected email address: {0}</source>
        <translation>Adresse courriel corrigée : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="372" />
        <source>Certificate {0} queued for {1}.</source>
        <translation>Certificat {0} mis en file pour {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="379" />
        <source>Resend certificate</source>
        <translation>Renvoyer le certificat</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="380" />
        <source>Send certificate {0} again, to {1}? A new message is queued and the change is recorded.</source>
        <translation>Renvoyer le certificat {0}, à {1} ? Un nouveau message est mis en file et la modification est consignée.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="394" />
        <source>Cancel message</source>
        <translation>Annuler le message</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="395" />
        <source>Cancel the email of certificate {0} to {1}? It will not be sent.</source>
        <translation>Annuler le courriel du certificat {0} à {1} ? Il ne sera pas envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_screen.py" line="400" />
        <source>The email of {0} was cancelled.</source>
        <translation>Le courriel de {0} a été annulé.</translation>
    </message>
</context>
<context>
    <name>OutboxSender</name>
    <message numerus="yes">
        <location filename="../../ui/mail/outbox_sender.py" line="90" />
        <source>Outbox: %n message(s) sent.</source>
        <translation><numerusform>Boîte d'envoi : %n message envoyé.</numerusform><numerusform>Boîte d'envoi : %n messages envoyés.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_sender.py" line="94" />
        <source>Outbox: {0}</source>
        <translation>Boîte d'envoi : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox_sender.py" line="102" />
        <source>Outbox: sending failed: {0}</source>
        <translation>Boîte d'envoi : échec de l'envoi : {0}</translation>
    </message>
</context>
</TS>
