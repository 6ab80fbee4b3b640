<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Mail</name>
    <message numerus="yes">
        <location filename="../../app/mail/outbox.py" line="501"/>
        <source>Offline mode: nothing was sent; %n message(s) wait in the outbox.</source>
        <translation>
            <numerusform>Offline mode: nothing was sent; %n message waits in the outbox.</numerusform>
            <numerusform>Offline mode: nothing was sent; %n messages wait in the outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/mail/outbox.py" line="698"/>
        <source>Gave up after %n attempt(s). Last error: {0}</source>
        <translation>
            <numerusform>Gave up after %n attempt. Last error: {0}</numerusform>
            <numerusform>Gave up after %n attempts. Last error: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="116"/>
        <source>%n row(s) read ({0})</source>
        <translation>
            <numerusform>%n row read ({0})</numerusform>
            <numerusform>%n rows read ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="123"/>
        <source>added %n institution(s), updated {0}, unchanged {1}</source>
        <translation>
            <numerusform>added %n institution, updated {0}, unchanged {1}</numerusform>
            <numerusform>added %n institutions, updated {0}, unchanged {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="127"/>
        <source>added %n member(s), updated {0}, unchanged {1}</source>
        <translation>
            <numerusform>added %n member, updated {0}, unchanged {1}</numerusform>
            <numerusform>added %n members, updated {0}, unchanged {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="133"/>
        <source>would add %n institution(s), update {0}, leave {1} unchanged</source>
        <translation>
            <numerusform>would add %n institution, update {0}, leave {1} unchanged</numerusform>
            <numerusform>would add %n institutions, update {0}, leave {1} unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="140"/>
        <source>would add %n member(s), update {0}, leave {1} unchanged</source>
        <translation>
            <numerusform>would add %n member, update {0}, leave {1} unchanged</numerusform>
            <numerusform>would add %n members, update {0}, leave {1} unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/member_import.py" line="145"/>
        <source>%n row(s) refused</source>
        <translation>
            <numerusform>%n row refused</numerusform>
            <numerusform>%n rows refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/members.py" line="455"/>
        <source>Not yet delivered to {0} ({1}): %n attempt(s) failed{2}{3}{4}</source>
        <translation>
            <numerusform>Not yet delivered to {0} ({1}): %n attempt failed{2}{3}{4}</numerusform>
            <numerusform>Not yet delivered to {0} ({1}): %n attempts failed{2}{3}{4}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/register/members.py" line="463"/>
        <source>Could not be delivered to {0} ({1}): the server refused it permanently after %n attempt(s){2}; correct the address and resend{3}</source>
        <translation>
            <numerusform>Could not be delivered to {0} ({1}): the server refused it permanently after %n attempt{2}; correct the address and resend{3}</numerusform>
            <numerusform>Could not be delivered to {0} ({1}): the server refused it permanently after %n attempts{2}; correct the address and resend{3}</numerusform>
        </translation>
    </message>
</context>
</TS>
