# Builds Sieve for Windows with jpackage: an .msi installer (target\installer\Sieve-<version>.msi)
# with the same contents as the Linux package, the icon, Start menu and desktop shortcuts, and the
# model file types. It installs for the current user, so no administrator rights are needed.
#   pwsh -File packaging\build-windows.ps1
# Needs PowerShell 7, a JDK 17+ with jmods (e.g. Temurin), Maven, and WiX Toolset 3 (jpackage 17
# finds it on PATH or in Program Files; it does not use WiX 4 or later). Maven picks TensorFlow's
# Windows natives (profile windows).
# NOT RUN by the authors (no Windows machine): written from jpackage's documentation; the hosted
# CI workflow .github/workflows/installers.yml runs it and the self-test on a Windows runner.
# It does what packaging/stage.sh does for Linux and macOS; keep the two in step.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

function Invoke-Tool {
    param([string]$Tool, [string[]]$Arguments)
    & $Tool @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Tool failed with exit code $LASTEXITCODE" }
}

foreach ($tool in 'mvn', 'jpackage', 'jlink', 'jdeps', 'jmod', 'jar') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
        throw "build-windows.ps1 needs $tool on PATH (see the top of this script)."
    }
}
$version = ([xml](Get-Content pom.xml)).project.version
$out = 'target\installer'
$javaHome = Split-Path -Parent (Split-Path -Parent (Get-Command jlink).Source)
$description = 'Shows how a trained CNN discards the information of each input pixel, layer by layer'
$vendor = 'The Sieve authors'

# A fresh lib folder: only this build's platform jars.
Remove-Item -Recurse -Force target\lib, $out -ErrorAction SilentlyContinue
Invoke-Tool mvn '-q', '-B', '-DskipTests', 'package'
foreach ($dir in "$out\input\lib", "$out\input\natives", "$out\jmods", "$out\work") {
    New-Item -ItemType Directory -Force $dir | Out-Null
}

# Maven's JavaFX jars become jmods whose DLLs jlink puts into the runtime, so nothing is
# unpacked when Sieve starts. The jar without a platform suffix is an empty stand-in.
$fxModules = @()
foreach ($jar in Get-ChildItem target\lib\javafx-*.jar) {
    $first = (& jar --describe-module --file $jar.FullName | Select-Object -First 1)
    if ($first -notmatch '^(javafx\.[a-z]+)@') { continue }
    $module = $Matches[1]
    $classes = "$out\work\$module\classes"
    $libs = "$out\work\$module\libs"
    New-Item -ItemType Directory -Force $classes, $libs | Out-Null
    Push-Location $classes
    Invoke-Tool jar 'xf', $jar.FullName
    Pop-Location
    Get-ChildItem $classes -Filter *.dll | Move-Item -Destination $libs
    Remove-Item "$classes\META-INF\*.SF", "$classes\META-INF\*.RSA", "$classes\META-INF\*.DSA" -ErrorAction SilentlyContinue
    Invoke-Tool jmod 'create', '--class-path', $classes, '--libs', $libs, "$out\jmods\$module.jmod"
    $fxModules += $module
}

# TensorFlow's Windows jar is unpacked into natives\; every other jar goes on the class path.
foreach ($jar in Get-ChildItem target\lib\*.jar) {
    if ($jar.Name -like 'javafx-*') { continue }
    if ($jar.Name -like 'tensorflow-core-native-*-windows-*') {
        Push-Location "$out\work"
        Invoke-Tool jar 'xf', $jar.FullName, 'org/tensorflow/internal/c_api'
        Pop-Location
        Get-ChildItem "$out\work\org\tensorflow\internal\c_api\*\*" | Move-Item -Destination "$out\input\natives"
    } else {
        Copy-Item $jar.FullName "$out\input\lib"
    }
}
if (-not (Get-ChildItem "$out\input\natives")) {
    throw 'No TensorFlow native jar in target\lib: check tf.native.classifier in pom.xml.'
}
Copy-Item target\sieve.jar "$out\input"
New-Item -ItemType Directory -Force "$out\input\assets" | Out-Null
Copy-Item -Recurse assets\models "$out\input\assets\models"
# The bundled lessons ship with their prepared results (assets\lessons\prepared), so their first
# play computes nothing; results of another engine revision would be ignored, so the installer is
# not built with them.
foreach ($lesson in Get-ChildItem assets\lessons\*.json) {
    & java "-Dsieve.home=$(Get-Location)" "-Dsieve.cache=$out\work\check-cache" -cp 'target\sieve.jar;target\lib\*' `
        org.sieve.cli.Main lesson check $lesson.FullName 2>"$out\work\check.txt" | Out-Null
    if ($LASTEXITCODE -ne 0) {
        throw "The prepared results of $($lesson.Name) do not match this engine: " + `
            "$(Get-Content "$out\work\check.txt" | Select-Object -Last 1). Refresh them: " + `
            "sieve lesson prepare $($lesson.FullName) --into assets\lessons\prepared (docs\lessons.md)."
    }
}
Copy-Item -Recurse assets\lessons "$out\input\assets\lessons"
Copy-Item -Recurse sample-images "$out\input\sample-images"
Copy-Item LICENSE, README.md "$out\input"
Copy-Item -Recurse docs "$out\input\docs"

# The Java modules Sieve and its libraries use, then the runtime.
$classPath = (Get-ChildItem "$out\input\lib\*.jar" | ForEach-Object FullName) -join ';'
$modules = (& jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps --recursive `
    --class-path $classPath --module-path "$out\jmods" target\sieve.jar | Select-Object -Last 1)
if ($LASTEXITCODE -ne 0) { throw 'jdeps failed' }
Invoke-Tool jlink '--module-path', "$javaHome\jmods;$out\jmods", '--add-modules', ($modules + ',' + ($fxModules -join ',')), `
    '--strip-debug', '--no-header-files', '--no-man-pages', '--generate-cds-archive', '--output', "$out\runtime"
Remove-Item -Recurse -Force "$out\work"

# The .ico from the PNG sizes rendered from assets\icon\sieve.svg: an icon directory whose
# entries hold PNG data, which Windows reads since Vista.
$sizes = 16, 24, 32, 48, 64, 256
$images = $sizes | ForEach-Object { , [IO.File]::ReadAllBytes((Resolve-Path "assets\icon\sieve-$_.png")) }
$ico = [IO.File]::Create((Join-Path (Resolve-Path $out) 'Sieve.ico'))
$writer = New-Object IO.BinaryWriter($ico)
$writer.Write([UInt16]0); $writer.Write([UInt16]1); $writer.Write([UInt16]$sizes.Count)
$offset = 6 + 16 * $sizes.Count
for ($i = 0; $i -lt $sizes.Count; $i++) {
    $side = [byte]($sizes[$i] % 256)   # 0 stands for 256
    $writer.Write($side); $writer.Write($side); $writer.Write([byte]0); $writer.Write([byte]0)
    $writer.Write([UInt16]1); $writer.Write([UInt16]32)
    $writer.Write([UInt32]$images[$i].Length); $writer.Write([UInt32]$offset)
    $offset += $images[$i].Length
}
foreach ($image in $images) { $writer.Write([byte[]]$image) }
$writer.Close()

# The heap grows to half the machine's memory; TensorFlow's natives load from natives\.
# A fixed upgrade code lets a newer .msi replace an installed older one.
Invoke-Tool jpackage '--type', 'msi', '--name', 'Sieve', '--app-version', $version, `
    '--runtime-image', "$out\runtime", '--input', "$out\input", '--main-jar', 'sieve.jar', `
    '--main-class', 'org.sieve.cli.Main', '--dest', $out, `
    '--java-options', '-Dsieve.home=$APPDIR', '--java-options', '-Djava.library.path=$APPDIR\natives', `
    '--java-options', '-XX:MaxRAMPercentage=50', `
    '--description', $description, '--vendor', $vendor, '--copyright', "$vendor, MIT License", `
    '--icon', "$out\Sieve.ico", '--license-file', 'LICENSE', `
    '--add-launcher', 'sieve-cli=packaging\windows\sieve-cli.properties', `
    '--win-per-user-install', '--win-menu', '--win-menu-group', 'Sieve', '--win-shortcut', '--win-dir-chooser', `
    '--win-upgrade-uuid', '19cad6e1-975c-47db-b236-aafcd67b8a8b', `
    '--file-associations', 'packaging\associations\onnx.properties', `
    '--file-associations', 'packaging\associations\keras.properties', `
    '--file-associations', 'packaging\associations\h5.properties'
Write-Output "Installer: $((Get-ChildItem "$out\Sieve-*.msi").FullName)"
