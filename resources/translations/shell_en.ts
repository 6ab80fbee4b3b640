<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/shell/main_window.py" line="341"/>
        <source>%n request(s) await a registrar&apos;s decision.</source>
        <translation>
            <numerusform>%n request awaits a registrar&apos;s decision.</numerusform>
            <numerusform>%n requests await a registrar&apos;s decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/main_window.py" line="349"/>
        <source>%n message(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n message waiting to be sent.</numerusform>
            <numerusform>%n messages waiting to be sent.</numerusform>
        </translation>
    </message>
</context>
</TS>
