<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditScreen</name>
    <message numerus="yes">
        <location filename="../../ui/admin/audit_screen.py" line="306" />
        <source>%n event(s).</source>
        <translation><numerusform>%n event.</numerusform><numerusform>%n events.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/audit_screen.py" line="337" />
        <source>%n event(s) exported to {0}.</source>
        <translation><numerusform>%n event exported to {0}.</numerusform><numerusform>%n events exported to {0}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/audit_screen.py" line="361" />
        <source>All %n event(s) are unchanged, and the register agrees with them.</source>
        <translation><numerusform>The %n event is unchanged, and the register agrees with it.</numerusform><numerusform>All %n events are unchanged, and the register agrees with them.</numerusform></translation>
    </message>
</context>
<context>
    <name>Institutions</name>
    <message numerus="yes">
        <location filename="../../ui/admin/institutions_screen.py" line="263" />
        <source>%n entry(ies)</source>
        <translation><numerusform>%n entry</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/institutions_screen.py" line="328" />
        <source>Not saved: %n problem(s), shown next to the fields.</source>
        <translation><numerusform>Not saved: %n problem, shown next to its field.</numerusform><numerusform>Not saved: %n problems, shown next to the fields.</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message numerus="yes">
        <location filename="../../ui/admin/settings_screen.py" line="695" />
        <source>%n setting(s) saved.</source>
        <translation><numerusform>%n setting saved.</numerusform><numerusform>%n settings saved.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/settings_screen.py" line="715" />
        <source>Not saved: %n problem(s), shown next to the fields.</source>
        <translation><numerusform>Not saved: %n problem, shown next to its field.</numerusform><numerusform>Not saved: %n problems, shown next to the fields.</numerusform></translation>
    </message>
</context>
</TS>
