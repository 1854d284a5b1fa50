<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Console</name>
    <message>
        <source>Kriseninfo kann nicht starten</source>
        <translation>Kriseninfo cannot start</translation>
    </message>
    <message>
        <source>Datenbank nicht erreichbar</source>
        <translation>Database unreachable</translation>
    </message>
    <message>
        <source>Jetzt erneut versuchen</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Neuer Versuch in {seconds} s …</source>
        <translation>Trying again in {seconds} s …</translation>
    </message>
    <message>
        <source>Datenbank beschädigt</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Kriseninfo kann die Datei beiseitelegen (umbenennen, nicht löschen) und mit einer leeren Datenbank beginnen. Die alte Datei bleibt für eine spätere Rettung erhalten.</source>
        <translation>Kriseninfo can move the file aside (rename it, never delete it) and start with an empty database. The old file is kept for a later rescue.</translation>
    </message>
    <message>
        <source>Beiseitelegen und neu beginnen</source>
        <translation>Move aside and start fresh</translation>
    </message>
    <message>
        <source>Die Datei lässt sich nicht umbenennen: {reason}</source>
        <translation>The file cannot be renamed: {reason}</translation>
    </message>
    <message>
        <source>Datenbank beiseitegelegt</source>
        <translation>Database moved aside</translation>
    </message>
    <message>
        <source>Die beschädigte Datei liegt jetzt unter {path}.</source>
        <translation>The damaged file is now at {path}.</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>ÜBUNG – Nichts aus dieser Lage erreicht die Öffentlichkeit</source>
        <translation>DRILL – Nothing from this incident reaches the public</translation>
    </message>
    <message>
        <source>Übungsmodus</source>
        <translation>Drill mode</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Kriseninfo – unerwarteter Fehler</source>
        <translation>Kriseninfo – unexpected error</translation>
    </message>
    <message>
        <source>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Eingaben sind sicher. Bitte geben Sie die Details an die IT-Betreuung weiter.</source>
        <translation>An unexpected error occurred. What you have saved is safe. Please pass the details on to IT support.</translation>
    </message>
    <message>
        <source>Details kopieren</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>ÜBUNG</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <source>(abgeschlossen)</source>
        <translation>(closed)</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Einsatztagebuch</source>
        <translation>Incident journal</translation>
    </message>
    <message>
        <source>Nur die aktive Lage</source>
        <translation>Active incident only</translation>
    </message>
    <message>
        <source>Kette &amp;prüfen</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <source>Als &amp;CSV exportieren …</source>
        <translation>Export as &amp;CSV …</translation>
    </message>
    <message>
        <source>Nur die aktive Lage: {title}</source>
        <translation>Active incident only: {title}</translation>
    </message>
    <message>
        <source>Einsatztagebuch geprüft: {count} Einträge, die Kette ist unversehrt.</source>
        <translation>Incident journal verified: {count} entries, the chain is intact.</translation>
    </message>
    <message>
        <source>Achtung: Das Einsatztagebuch wurde verändert. Erster beschädigter Eintrag: Nr. {seq} ({reason}).</source>
        <translation>Warning: the incident journal has been tampered with. First broken entry: no. {seq} ({reason}).</translation>
    </message>
    <message>
        <source>Einsatztagebuch exportieren</source>
        <translation>Export incident journal</translation>
    </message>
    <message>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export fehlgeschlagen: {reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>{count} Einträge exportiert nach {path}</source>
        <translation>{count} entries exported to {path}</translation>
    </message>
</context>
<context>
    <name>LageView</name>
    <message>
        <source>Lagen</source>
        <extracomment>How often changes made at other consoles are picked up. A problem the duty officer must see (German text), or &quot;&quot; when it is over.</extracomment>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>&amp;Neue Lage …</source>
        <translation>&amp;New incident …</translation>
    </message>
    <message>
        <source>Noch keine Lage. Legen Sie mit „Neue Lage …“ die erste an.</source>
        <translation>No incident yet. Create the first one with “New incident …”.</translation>
    </message>
    <message>
        <source>Übung</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Echtlage</source>
        <translation>Real incident</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>(ohne Titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>{kind} · {mode} · {state} · angelegt {created}</source>
        <translation>{kind} · {mode} · {state} · created {created}</translation>
    </message>
    <message>
        <source>Lage &amp;abschließen</source>
        <translation>&amp;Close incident</translation>
    </message>
    <message>
        <source>Lage wieder ö&amp;ffnen</source>
        <translation>Re&amp;open incident</translation>
    </message>
    <message>
        <source>Lage abschließen?</source>
        <translation>Close the incident?</translation>
    </message>
    <message>
        <source>„{title}“ abschließen? Das Lagebild ist danach an allen Konsolen schreibgeschützt, bis jemand die Lage wieder öffnet.</source>
        <translation>Close “{title}”? The situation report is then read-only at every console until someone reopens the incident.</translation>
    </message>
    <message>
        <source>Abschließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LagebildForm</name>
    <message>
        <source>Wird gespeichert …</source>
        <extracomment>A save finished: (pending edits, error or None).</extracomment>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Nicht gespeichert: unerwarteter Fehler. Ihre Eingabe liegt im Zwischenspeicher; Details stehen im Protokoll.</source>
        <translation>Not saved: unexpected error. Your input is kept in the spool; the log has the details.</translation>
    </message>
    <message>
        <source>Gespeichert um {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Nicht gespeichert ({count} Änderungen warten): {reason}</source>
        <translation>Not saved ({count} changes waiting): {reason}</translation>
    </message>
    <message>
        <source>Nicht gespeichert: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kriseninfo wird gestartet …</source>
        <translation>Kriseninfo is starting …</translation>
    </message>
    <message>
        <source>Bereiche</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Lage</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Meldungen</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Warteschlange</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Dialog</source>
        <translation>Dialogue</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Übungen</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Einsatztagebuch</source>
        <translation>Incident journal</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Noch nicht verfügbar</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <source>Strg+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <source>Angemeldet: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>ÜBUNG</source>
        <translation>DRILL</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>ein Eintrag fehlt</source>
        <translation>an entry is missing</translation>
    </message>
    <message>
        <source>ein Eintrag steht doppelt</source>
        <translation>an entry appears twice</translation>
    </message>
    <message>
        <source>der Eintrag passt nicht zum vorigen</source>
        <translation>the entry does not fit the one before</translation>
    </message>
    <message>
        <source>der Inhalt wurde nachträglich geändert</source>
        <translation>its content was changed afterwards</translation>
    </message>
    <message>
        <source>der Abschluss der Kette fehlt</source>
        <translation>the end of the chain is missing</translation>
    </message>
    <message>
        <source>die letzten Einträge fehlen</source>
        <translation>the last entries are missing</translation>
    </message>
    <message>
        <source>Kriseninfo kann im Datenordner {path} nicht schreiben. Bitte prüfen Sie die Berechtigungen oder wählen Sie mit --data-dir einen anderen Ordner.</source>
        <translation>Kriseninfo cannot write to the data folder {path}. Please check the permissions or choose another folder with --data-dir.</translation>
    </message>
    <message>
        <source>Der Datenträger ist voll. Ihre Eingaben bleiben im Fenster erhalten und werden gespeichert, sobald wieder Platz ist.</source>
        <translation>The disk is full. Your input stays in the window and is saved as soon as there is space again.</translation>
    </message>
    <message>
        <source>Die Datenbankdatei {path} ist beschädigt oder keine Kriseninfo-Datenbank.</source>
        <translation>The database file {path} is damaged or not a Kriseninfo database.</translation>
    </message>
    <message>
        <source>Diese Datenbank stammt von einer neueren Kriseninfo-Version ({needed}). Dieses Programm ist Version {this}. Bitte installieren Sie Kriseninfo {needed} oder neuer.</source>
        <translation>This database comes from a newer Kriseninfo version ({needed}). This program is version {this}. Please install Kriseninfo {needed} or newer.</translation>
    </message>
    <message>
        <source>Die Datenbank auf {host}:{port} ist nicht erreichbar. Kriseninfo versucht es weiter; Ihre Eingaben bleiben erhalten.</source>
        <translation>The database at {host}:{port} cannot be reached. Kriseninfo keeps trying; your input is kept.</translation>
    </message>
    <message>
        <source>Die Datenbank ist gerade belegt. Kriseninfo versucht es gleich noch einmal.</source>
        <translation>The database is busy. Kriseninfo will try again shortly.</translation>
    </message>
    <message>
        <source>Die PIN ist falsch.</source>
        <translation>The PIN is wrong.</translation>
    </message>
    <message>
        <source>Eine PIN besteht aus 4 bis 12 Ziffern.</source>
        <translation>A PIN has 4 to 12 digits.</translation>
    </message>
    <message>
        <source>Dafür fehlt Ihnen die Berechtigung (Rolle Leitung nötig).</source>
        <translation>You are not allowed to do this (role Head of staff needed).</translation>
    </message>
    <message>
        <source>Diese Lage ist abgeschlossen. Öffnen Sie sie wieder, um sie zu bearbeiten.</source>
        <translation>This incident is closed. Reopen it to edit it.</translation>
    </message>
    <message>
        <source>Es gibt bereits eine Person mit dem Namen „{name}“.</source>
        <translation>There is already a person named “{name}”.</translation>
    </message>
    <message>
        <source>Der Eintrag wurde nicht gefunden; vielleicht hat ihn jemand anderes geändert.</source>
        <translation>The entry was not found; perhaps someone else changed it.</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen ein.</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Titel ein.</source>
        <translation>Please enter a title.</translation>
    </message>
    <message>
        <source>Die erste Person muss die Rolle Leitung haben.</source>
        <translation>The first person must have the role Head of staff.</translation>
    </message>
    <message>
        <source>Sie können sich nicht selbst deaktivieren.</source>
        <translation>You cannot deactivate yourself.</translation>
    </message>
    <message>
        <source>Diese Eingabe ist nicht gültig.</source>
        <translation>This input is not valid.</translation>
    </message>
    <message>
        <source>Die Datenbank meldet einen Fehler: {detail}</source>
        <translation>The database reports an error: {detail}</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Was ist passiert?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <source>Wo?</source>
        <translation>Where?</translation>
    </message>
    <message>
        <source>Seit wann?</source>
        <translation>Since when?</translation>
    </message>
    <message>
        <source>Betroffenes Gebiet</source>
        <translation>Affected area</translation>
    </message>
    <message>
        <source>Was sollen Menschen tun?</source>
        <translation>What should people do?</translation>
    </message>
    <message>
        <source>Bürgertelefon</source>
        <translation>Citizens&apos; hotline</translation>
    </message>
    <message>
        <source>Weitere Informationen (Link)</source>
        <translation>More information (link)</translation>
    </message>
    <message>
        <source>Nächste Meldung um</source>
        <translation>Next update at</translation>
    </message>
    <message>
        <source>z. B. Großbrand Lagerhalle Hafen</source>
        <translation>e.g. Major fire, warehouse at the harbour</translation>
    </message>
    <message>
        <source>Kurz und konkret: Was ist geschehen?</source>
        <translation>Short and concrete: what has happened?</translation>
    </message>
    <message>
        <source>z. B. Hafenstraße 12, Moers</source>
        <translation>e.g. Hafenstraße 12, Moers</translation>
    </message>
    <message>
        <source>Stadtteile, Straßen, Radius</source>
        <translation>Districts, streets, radius</translation>
    </message>
    <message>
        <source>z. B. Fenster und Türen schließen, Lüftung ausschalten</source>
        <translation>e.g. close windows and doors, switch off ventilation</translation>
    </message>
    <message>
        <source>z. B. 02841 201-0</source>
        <translation>e.g. 02841 201-0</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Die Lage braucht einen Titel.</source>
        <translation>The incident needs a title.</translation>
    </message>
    <message>
        <source>Das sieht nicht wie eine Telefonnummer aus.</source>
        <translation>This does not look like a phone number.</translation>
    </message>
    <message>
        <source>Der Link sollte mit https:// beginnen und vollständig sein.</source>
        <translation>The link should start with https:// and be complete.</translation>
    </message>
    <message>
        <source>Die angekündigte nächste Meldung ist überfällig.</source>
        <translation>The announced next update is overdue.</translation>
    </message>
    <message>
        <source>Großbrand</source>
        <translation>Major fire</translation>
    </message>
    <message>
        <source>Bombenentschärfung</source>
        <translation>Bomb disposal</translation>
    </message>
    <message>
        <source>Unwetter</source>
        <translation>Severe weather</translation>
    </message>
    <message>
        <source>Hochwasser</source>
        <translation>Flood</translation>
    </message>
    <message>
        <source>Stromausfall</source>
        <translation>Power outage</translation>
    </message>
    <message>
        <source>Sonstige</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Redaktion</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Freigabe</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Leitung</source>
        <translation>Head of staff</translation>
    </message>
    <message>
        <source>Lage angelegt</source>
        <translation>Incident created</translation>
    </message>
    <message>
        <source>Lagebild geändert</source>
        <translation>Situation report changed</translation>
    </message>
    <message>
        <source>Lage abgeschlossen</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <source>Lage wieder geöffnet</source>
        <translation>Incident reopened</translation>
    </message>
    <message>
        <source>Person angelegt</source>
        <translation>Person added</translation>
    </message>
    <message>
        <source>Person geändert</source>
        <translation>Person changed</translation>
    </message>
    <message>
        <source>Anmeldung</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>Anmeldung fehlgeschlagen</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kurzer Beitrag</source>
        <translation>Short post</translation>
    </message>
    <message>
        <source>Webseite</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-Mail / Pressemitteilung</source>
        <translation>E-mail / press release</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Warnung (CAP)</source>
        <translation>Alert (CAP)</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>German</translation>
    </message>
    <message>
        <source>Leichte Sprache</source>
        <translation>Easy German (Leichte Sprache)</translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Türkisch</source>
        <translation>Turkish</translation>
    </message>
    <message>
        <source>Arabisch</source>
        <translation>Arabic</translation>
    </message>
    <message>
        <source>Ukrainisch</source>
        <translation>Ukrainian</translation>
    </message>
    <message>
        <source>Russisch</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>Frage</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Gerücht</source>
        <translation>Rumour</translation>
    </message>
    <message>
        <source>Beschwerde</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Presseanfrage</source>
        <translation>Press request</translation>
    </message>
    <message>
        <source>Notfall</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Sonstiges</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Betreff / Überschrift</source>
        <translation>Subject / headline</translation>
    </message>
    <message>
        <source>Schlagzeile</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Handlungsempfehlung</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Zeichen</source>
        <translation>characters</translation>
    </message>
    <message>
        <source>SMS-Teile</source>
        <translation>SMS segments</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>Neue Lage anlegen</source>
        <translation>Create new incident</translation>
    </message>
    <message>
        <source>z. B. Großbrand Lagerhalle Hafen</source>
        <translation>e.g. Major fire, warehouse at the harbour</translation>
    </message>
    <message>
        <source>Echtlage – Meldungen gehen an die Öffentlichkeit</source>
        <translation>Real incident – messages go to the public</translation>
    </message>
    <message>
        <source>Übung – nichts erreicht die Öffentlichkeit</source>
        <translation>Drill – nothing reaches the public</translation>
    </message>
    <message>
        <source>Echtlage oder Übung lässt sich später nicht mehr ändern.</source>
        <translation>Real incident or drill cannot be changed later.</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Modus</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Titel ein.</source>
        <translation>Please enter a title.</translation>
    </message>
    <message>
        <source>Bitte wählen Sie: Echtlage oder Übung.</source>
        <translation>Please choose: real incident or drill.</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <source>Uhrzeit angeben</source>
        <translation>Set a time</translation>
    </message>
    <message>
        <source>Jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Aktuelle Uhrzeit eintragen</source>
        <translation>Enter the current time</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Beenden</source>
        <extracomment>Whether the person this dialog yields becomes the remembered one of this console.</extracomment>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Kriseninfo – Anmelden</source>
        <translation>Kriseninfo – sign in</translation>
    </message>
    <message>
        <source>Wer arbeitet an dieser Konsole?</source>
        <translation>Who is working at this console?</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>P&amp;IN</source>
        <translation>P&amp;IN</translation>
    </message>
    <message>
        <source>Anmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Kriseninfo – Ersteinrichtung</source>
        <translation>Kriseninfo – first-time setup</translation>
    </message>
    <message>
        <source>Willkommen bei Kriseninfo. Legen Sie zuerst sich selbst an. Die erste Person erhält die Rolle Leitung und kann weitere Personen hinzufügen.</source>
        <translation>Welcome to Kriseninfo. First add yourself. The first person gets the role Head of staff and can add further people.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;PIN (4–12 Ziffern)</source>
        <translation>&amp;PIN (4–12 digits)</translation>
    </message>
    <message>
        <source>PIN &amp;wiederholen</source>
        <translation>&amp;Repeat PIN</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Die beiden PINs stimmen nicht überein.</source>
        <translation>The two PINs do not match.</translation>
    </message>
    <message>
        <source>Person hinzufügen</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>Die Person ändert ihre PIN später selbst in den Einstellungen.</source>
        <translation>The person changes their PIN later in Settings.</translation>
    </message>
    <message>
        <source>&amp;Rolle</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhasePreview</name>
    <message>
        <source>&amp;Phase</source>
        <translation>&amp;Phase</translation>
    </message>
    <message>
        <source>&amp;Sprache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checkliste&lt;/b&gt;</source>
        <translation>&lt;b&gt;Checklist&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{length} / {maximum} {unit}</source>
        <translation>{length} / {maximum} {unit}</translation>
    </message>
</context>
<context>
    <name>PlaybookEditor</name>
    <message>
        <source>Playbook als YAML</source>
        <translation>Playbook as YAML</translation>
    </message>
    <message>
        <source>Mitgelieferte Playbooks sind schreibgeschützt. „Zum Bearbeiten kopieren“ legt eine eigene Kopie an.</source>
        <translation>Bundled playbooks are read-only. “Copy to edit” makes your own copy.</translation>
    </message>
    <message>
        <source>Änderungen werden beim Tippen geprüft und gespeichert: {path}</source>
        <translation>Changes are checked and saved as you type: {path}</translation>
    </message>
    <message>
        <source>Wird geprüft und gespeichert …</source>
        <translation>Checking and saving …</translation>
    </message>
    <message>
        <source>Nicht gespeichert: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Gespeichert. {errors} Fehler, {warnings} Hinweise.</source>
        <translation>Saved. {errors} errors, {warnings} warnings.</translation>
    </message>
</context>
<context>
    <name>PlaybookTableModel</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Freigabe</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Herkunft</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Freigegeben von {who}</source>
        <translation>Approved by {who}</translation>
    </message>
    <message>
        <source>mitgeliefert</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>eigenes</source>
        <translation>own</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>{count} Fehler</source>
        <translation>{count} errors</translation>
    </message>
    <message>
        <source>{count} Hinweise</source>
        <translation>{count} warnings</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PlaybooksView</name>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Zum &amp;Bearbeiten kopieren</source>
        <translation>&amp;Copy to edit</translation>
    </message>
    <message>
        <source>&amp;Importieren …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <source>E&amp;xportieren …</source>
        <translation>E&amp;xport …</translation>
    </message>
    <message>
        <source>Textbaustein</source>
        <translation>Answer snippet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Absender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Erwartet</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>&amp;Phasen und Texte</source>
        <translation>&amp;Phases and texts</translation>
    </message>
    <message>
        <source>&amp;Textbausteine</source>
        <translation>&amp;Answer snippets</translation>
    </message>
    <message>
        <source>Ü&amp;bungs-Einspielungen</source>
        <translation>&amp;Drill injects</translation>
    </message>
    <message>
        <source>&amp;YAML und Prüfung</source>
        <translation>&amp;YAML and check</translation>
    </message>
    <message>
        <source>Fragen</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Playbook importieren</source>
        <translation>Import playbook</translation>
    </message>
    <message>
        <source>Playbooks (*.yaml *.yml)</source>
        <translation>Playbooks (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Playbook exportieren</source>
        <translation>Export playbook</translation>
    </message>
    <message>
        <source>Exportiert nach {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>Gespeichert als {path}</source>
        <translation>Saved as {path}</translation>
    </message>
    <message>
        <source>Zeile {line}: </source>
        <translation>Line {line}: </translation>
    </message>
    <message>
        <source>Playbook nicht importiert</source>
        <translation>Playbook not imported</translation>
    </message>
    <message>
        <source>Das Playbook hat {count} Fehler und wurde nicht übernommen.</source>
        <translation>The playbook has {count} errors and was not taken over.</translation>
    </message>
    <message>
        <source>Import abgelehnt: {count} Fehler.</source>
        <translation>Import refused: {count} errors.</translation>
    </message>
    <message>
        <source>Dateifehler: {reason}</source>
        <translation>File error: {reason}</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Keine Fehler und keine Hinweise.</source>
        <translation>No errors and no warnings.</translation>
    </message>
    <message>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Zeile {line}</source>
        <translation>Line {line}</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Die Datei lässt sich nicht lesen: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Die Datei ist zu groß ({size} Bytes, höchstens {limit}).</source>
        <translation>The file is too large ({size} bytes, at most {limit}).</translation>
    </message>
    <message>
        <source>Die Datei enthält Zeichen, die kein UTF-8 sind.</source>
        <translation>The file contains characters that are not UTF-8.</translation>
    </message>
    <message>
        <source>YAML-Fehler: {detail}</source>
        <translation>YAML error: {detail}</translation>
    </message>
    <message>
        <source>Die Datei ist zu tief verschachtelt.</source>
        <translation>The file is nested too deeply.</translation>
    </message>
    <message>
        <source>Anker und Verweise (&amp;, *) sind in Playbooks nicht erlaubt.</source>
        <translation>Anchors and aliases (&amp;, *) are not allowed in playbooks.</translation>
    </message>
    <message>
        <source>YAML-Tags wie {tag} sind nicht erlaubt.</source>
        <translation>YAML tags such as {tag} are not allowed.</translation>
    </message>
    <message>
        <source>Der Schlüssel „{key}“ steht doppelt da.</source>
        <translation>The key “{key}” appears twice.</translation>
    </message>
    <message>
        <source>Ein Playbook besteht aus Schlüsseln und Werten (id, title, …).</source>
        <translation>A playbook consists of keys and values (id, title, …).</translation>
    </message>
    <message>
        <source>Unbekannter Schlüssel „{key}“.</source>
        <translation>Unknown key “{key}”.</translation>
    </message>
    <message>
        <source>„{key}“ fehlt.</source>
        <translation>“{key}” is missing.</translation>
    </message>
    <message>
        <source>Ungültiger Wert {value}: {why}</source>
        <translation>Invalid value {value}: {why}</translation>
    </message>
    <message>
        <source>Die id „{id}“ kommt zweimal vor.</source>
        <translation>The id “{id}” is used twice.</translation>
    </message>
    <message>
        <source>Das Beispiel für „{parameter}“ passt nicht zum Typ {type}: {reason}</source>
        <translation>The example of “{parameter}” does not fit the type {type}: {reason}</translation>
    </message>
    <message>
        <source>Hier fehlt „{field}“.</source>
        <translation>“{field}” is missing here.</translation>
    </message>
    <message>
        <source>„{field}“ gibt es für {kind} nicht.</source>
        <translation>{kind} has no “{field}”.</translation>
    </message>
    <message>
        <source>Der Text in der Sprache „{language}“ fehlt.</source>
        <translation>The text in “{language}” is missing.</translation>
    </message>
    <message>
        <source>Fehler in der Vorlage: {detail}</source>
        <translation>Error in the template: {detail}</translation>
    </message>
    <message>
        <source>„{name}“ ist kein Parameter dieses Playbooks.</source>
        <translation>“{name}” is not a parameter of this playbook.</translation>
    </message>
    <message>
        <source>Diese Vorlage verwendet etwas, das nicht erlaubt ist: {construct}</source>
        <translation>This template uses something that is not allowed: {construct}</translation>
    </message>
    <message>
        <source>Die Vorlage lässt sich mit den Beispielwerten nicht füllen: {reason}</source>
        <translation>The template cannot be filled with the example values: {reason}</translation>
    </message>
    <message>
        <source>Der Parameter „{parameter}“ wird in keiner Vorlage verwendet.</source>
        <translation>The parameter “{parameter}” is used by no template.</translation>
    </message>
    <message>
        <source>Zu lang: {length} statt höchstens {maximum} ({unit}).</source>
        <translation>Too long: {length} instead of at most {maximum} ({unit}).</translation>
    </message>
    <message>
        <source>Es gibt keine Phase „{name}“.</source>
        <translation>There is no phase “{name}”.</translation>
    </message>
    <message>
        <source>Es gibt keinen Textbaustein „{name}“.</source>
        <translation>There is no answer snippet “{name}”.</translation>
    </message>
    <message>
        <source>Die Einspielung um {at} steht vor einer früheren.</source>
        <translation>The inject at {at} comes before an earlier one.</translation>
    </message>
    <message>
        <source>Die Einspielung um {at} liegt nach dem Übungsende ({end}).</source>
        <translation>The inject at {at} is after the end of the drill ({end}).</translation>
    </message>
    <message>
        <source>„{name}“ ist kein Radius-Parameter (radius_m).</source>
        <translation>“{name}” is not a radius parameter (radius_m).</translation>
    </message>
    <message>
        <source>Satz mit {words} Wörtern (höchstens {limit}): „{start}“</source>
        <translation>Sentence of {words} words (at most {limit}): “{start}”</translation>
    </message>
    <message>
        <source>Die Prüfung ist gescheitert: {reason}</source>
        <translation>The check failed: {reason}</translation>
    </message>
    <message>
        <source>„{word}“ ist Amtsdeutsch. Besser: „{suggestion}“.</source>
        <translation>“{word}” is officialese. Better: “{suggestion}”.</translation>
    </message>
    <message>
        <source>Setzen Sie den Text in Anführungszeichen, z. B. &quot;Frage: Antwort?&quot;.</source>
        <translation>Put the text in quotes, e.g. &quot;Question: answer?&quot;.</translation>
    </message>
    <message>
        <source>Meinten Sie „{suggestion}“?</source>
        <translation>Did you mean “{suggestion}”?</translation>
    </message>
    <message>
        <source>Hier gehört ein Text hin.</source>
        <translation>A text belongs here.</translation>
    </message>
    <message>
        <source>Hier gehört eine ganze Zahl hin.</source>
        <translation>A whole number belongs here.</translation>
    </message>
    <message>
        <source>Hier gehört true oder false hin.</source>
        <translation>true or false belongs here.</translation>
    </message>
    <message>
        <source>Hier gehört eine Liste hin (- …).</source>
        <translation>A list belongs here (- …).</translation>
    </message>
    <message>
        <source>Hier gehören Schlüssel und Werte hin.</source>
        <translation>Keys and values belong here.</translation>
    </message>
    <message>
        <source>Hier gehört ein Datum hin, z. B. 2026-10-01.</source>
        <translation>A date belongs here, e.g. 2026-10-01.</translation>
    </message>
    <message>
        <source>Die Schreibweise passt nicht (ids: nur a–z, 0–9 und _).</source>
        <translation>The spelling does not fit (ids: only a–z, 0–9 and _).</translation>
    </message>
    <message>
        <source>Das darf nicht leer sein.</source>
        <translation>This must not be empty.</translation>
    </message>
    <message>
        <source>Hier fehlt mindestens ein Eintrag.</source>
        <translation>At least one entry is missing here.</translation>
    </message>
    <message>
        <source>Der Text ist zu lang.</source>
        <translation>The text is too long.</translation>
    </message>
    <message>
        <source>Erlaubt sind: {choices}</source>
        <translation>Allowed are: {choices}</translation>
    </message>
</context>
<context>
    <name>RealBanner</name>
    <message>
        <source>ECHTLAGE – Meldungen dieser Lage gehen an die Öffentlichkeit</source>
        <translation>REAL INCIDENT – messages of this incident go to the public</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Sprache der Oberfläche</source>
        <translation>&amp;Interface language</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Person &amp;hinzufügen …</source>
        <translation>&amp;Add person …</translation>
    </message>
    <message>
        <source>(De)&amp;aktivieren</source>
        <translation>(De)&amp;activate</translation>
    </message>
    <message>
        <source>Nur Personen mit der Rolle Leitung</source>
        <translation>Only people with the role Head of staff</translation>
    </message>
    <message>
        <source>Personen und Rollen</source>
        <translation>People and roles</translation>
    </message>
    <message>
        <source>PIN ä&amp;ndern</source>
        <translation>Cha&amp;nge PIN</translation>
    </message>
    <message>
        <source>Eigene PIN ändern ({name})</source>
        <translation>Change your own PIN ({name})</translation>
    </message>
    <message>
        <source>Bisherige PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>Neue PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Neue PIN wiederholen</source>
        <translation>Repeat new PIN</translation>
    </message>
    <message>
        <source>Diese Installation</source>
        <translation>This installation</translation>
    </message>
    <message>
        <source>Datenbank</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Datenordner</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Protokolle</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>(deaktiviert)</source>
        <translation>(deactivated)</translation>
    </message>
    <message>
        <source>Bitte wählen Sie zuerst eine Person aus.</source>
        <translation>Please select a person first.</translation>
    </message>
    <message>
        <source>{name} deaktivieren? Die Person kann sich dann nicht mehr anmelden.</source>
        <translation>Deactivate {name}? They can then no longer sign in.</translation>
    </message>
    <message>
        <source>{name} wieder aktivieren?</source>
        <translation>Activate {name} again?</translation>
    </message>
    <message>
        <source>Person ändern</source>
        <translation>Change person</translation>
    </message>
    <message>
        <source>Die beiden neuen PINs stimmen nicht überein.</source>
        <translation>The two new PINs do not match.</translation>
    </message>
    <message>
        <source>Ihre PIN wurde geändert.</source>
        <translation>Your PIN has been changed.</translation>
    </message>
</context>
</TS>
