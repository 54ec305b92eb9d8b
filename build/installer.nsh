; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; electron-builder registers custom protocols on macOS (Info.plist) and Linux (.desktop MimeType)
; but not in the Windows installer, so switchboard:// is registered here, for the current user
; (perMachine: false, so SHELL_CONTEXT is HKCU), and removed again on uninstall. An update
; uninstalls the old version before customInstall runs, so the key is rewritten, never lost.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\switchboard" "" "URL:Switchboard sign-in"
  WriteRegStr SHELL_CONTEXT "Software\Classes\switchboard" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\switchboard\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\switchboard\shell\open\command" "" '"$appExe" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\switchboard"
!macroend
