<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CpcWizard</name>
    <message numerus="yes">
        <location filename="../../ui/request/done_page.py" line="156"/>
        <source>&lt;p&gt;Request &lt;b&gt;{number}&lt;/b&gt; for {name} (CPSO# {cpso}): %n certificate(s) issued{again}.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Request &lt;b&gt;{number}&lt;/b&gt; for {name} (CPSO# {cpso}): %n certificate issued{again}.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Request &lt;b&gt;{number}&lt;/b&gt; for {name} (CPSO# {cpso}): %n certificates issued{again}.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request/member_page.py" line="144"/>
        <source>%n member(s) found — ↓ to choose, Enter to continue.</source>
        <translation>
            <numerusform>%n member found — ↓ to choose, Enter to continue.</numerusform>
            <numerusform>%n members found — ↓ to choose, Enter to continue.</numerusform>
        </translation>
    </message>
</context>
</TS>
