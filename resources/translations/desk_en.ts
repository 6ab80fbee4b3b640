<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Assistance</name>
        <message numerus="yes">
            <location filename="../../ui/desk/assistance.py" line="218" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/desk/assistance.py" line="439" />
            <source> and %n more request(s)</source>
            <translation>
                <numerusform> and %n more request</numerusform>
                <numerusform> and %n more requests</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Profile</name>
        <message numerus="yes">
            <location filename="../../ui/desk/profile.py" line="643" />
            <source>%n new message(s) not yet seen: {0}</source>
            <translation>
                <numerusform>%n new message not yet seen: {0}</numerusform>
                <numerusform>%n new messages not yet seen: {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message numerus="yes">
            <location filename="../../ui/desk/review_screen.py" line="267" />
            <source>Approve {0} and issue %n certificate(s) now? They are emailed to the recipients.</source>
            <translation>
                <numerusform>Approve {0} and issue %n certificate now? It is emailed to the recipient.</numerusform>
                <numerusform>Approve {0} and issue %n certificates now? They are emailed to the recipients.</numerusform>
            </translation>
        </message>
    </context>
</TS>
