<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchScreen</name>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="351" />
        <source>%n certificate(s) to print.</source>
        <translation><numerusform>%n certificate to print.</numerusform><numerusform>%n certificates to print.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="443" />
        <source>%n certificate(s), {0}</source>
        <translation><numerusform>%n certificate, {0}</numerusform><numerusform>%n certificates, {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="519" />
        <source>Batch finished: %n certificate(s) issued</source>
        <translation><numerusform>Batch finished: %n certificate issued</numerusform><numerusform>Batch finished: %n certificates issued</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/batch/batch_screen.py" line="604" />
        <source>Sent %n page(s) to the printer.</source>
        <translation><numerusform>Sent %n page to the printer.</numerusform><numerusform>Sent %n pages to the printer.</numerusform></translation>
    </message>
</context>
<context>
    <name>CertificatePrinting</name>
    <message numerus="yes">
        <location filename="../../ui/batch/certificate_printing.py" line="106" />
        <source>Sent %n page(s) to the printer</source>
        <translation><numerusform>Sent %n page to the printer</numerusform><numerusform>Sent %n pages to the printer</numerusform></translation>
    </message>
</context>
<context>
    <name>MailboxScreen</name>
    <message numerus="yes">
        <location filename="../../ui/mail/mailbox_screen.py" line="213" />
        <source>%n message(s) received, kept in {0}. {1}</source>
        <translation><numerusform>%n message received, kept in {0}. {1}</numerusform><numerusform>%n messages received, kept in {0}. {1}</numerusform></translation>
    </message>
</context>
<context>
    <name>OutboxSender</name>
    <message numerus="yes">
        <location filename="../../ui/mail/outbox_sender.py" line="90" />
        <source>Outbox: %n message(s) sent.</source>
        <translation><numerusform>Outbox: %n message sent.</numerusform><numerusform>Outbox: %n messages sent.</numerusform></translation>
    </message>
</context>
</TS>
