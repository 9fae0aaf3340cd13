@echo off
rem Runs the Distillery command line from cmd.exe: distillery.ps1 builds it (Release) when needed, then runs it.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0distillery.ps1" %*
exit /b %ERRORLEVEL%
