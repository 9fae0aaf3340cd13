# Runs the Distillery command line, building it (Release) first when it is missing or older than its sources.
# The PowerShell twin of the bash launcher `distillery`; distillery.cmd calls it from cmd.exe.
# The template package (src/Distillery.Templates) is not part of the host and does not trigger a build.
# Works in Windows PowerShell 5.1 and in PowerShell 7 (pwsh) on any system.
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$dll = Join-Path $root 'artifacts/distillery/distillery.dll'

function Test-NeedsBuild {
    if (-not (Test-Path -LiteralPath $dll)) { return $true }
    $built = (Get-Item -LiteralPath $dll).LastWriteTimeUtc
    $inputs = @('Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'appsettings.json') |
        ForEach-Object { Join-Path $root $_ } | Where-Object { Test-Path -LiteralPath $_ } | ForEach-Object { Get-Item -LiteralPath $_ }
    $sources = foreach ($folder in 'src', 'plugins') {
        Get-ChildItem -LiteralPath (Join-Path $root $folder) -Recurse -File -Include '*.cs', '*.csproj', '*.props', '*.targets', '*.json' |
            Where-Object { $_.FullName -notmatch '[\\/](obj|bin)[\\/]' -and $_.FullName -notmatch '[\\/]Distillery\.Templates[\\/]' }
    }
    foreach ($file in @($inputs) + @($sources)) {
        if ($file.LastWriteTimeUtc -gt $built) { return $true }
    }
    return $false
}

if (Test-NeedsBuild) {
    $artifacts = Join-Path $root 'artifacts'
    New-Item -ItemType Directory -Force -Path $artifacts | Out-Null
    $log = Join-Path $artifacts 'build.log'
    [Console]::Error.WriteLine('Building Distillery (Release; log: artifacts/build.log)...')
    & dotnet build (Join-Path $root 'src/Distillery.Host/Distillery.Host.csproj') -c Release -nologo -v q *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content -LiteralPath $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('Build failed; see the errors above.')
        exit 1
    }
    (Get-Item -LiteralPath $dll).LastWriteTimeUtc = [DateTime]::UtcNow
}

& dotnet $dll @args
exit $LASTEXITCODE
