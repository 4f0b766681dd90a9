#requires -Version 7.0
# Help as users read it: Get-Help on the built module, and every help example run against a sandbox.

BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:examples = foreach ($file in Get-ChildItem $docs -Filter '*-PayNet*.md') {
        $text = Get-Content $file -Raw
        $section = ($text -split '(?m)^## EXAMPLES')[1] -split '(?m)^## PARAMETERS' | Select-Object -First 1
        $matches = [regex]::Matches($section, '(?ms)^### (?<title>[^\n]+)\n```powershell\n(?<code>.*?)\n```')
        foreach ($m in $matches) {
            $code = $m.Groups['code'].Value
            # Examples that wait for a person (credentials, secrets, an OTP to type) are shown, not run.
            $interactive = $code -match 'Read-Host|Get-Credential|Get-Secret' -or
                ($code -match 'Register-PayNetMember|Set-PayNetPin' -and $code -notmatch '-Otp')
            @{ Cmdlet = $file.BaseName; Title = $m.Groups['title'].Value; Code = $code; Interactive = $interactive }
        }
    }
    $script:cmdlets = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../PayNet.psd1')).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PesterHelpers.psm1') -Force
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    # The help comes from the normal `dotnet build` (the HelpTool runs after the module build); this suite
    # never generates it, so a build that forgets the help fails here.
    $script:sandbox = Start-TestSandbox
    Import-PayNetModule
}
AfterAll { Stop-TestSandbox $sandbox }

Describe 'Get-Help' {
    It 'shows real help for <_>' -ForEach $cmdlets {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\w+-\w+\s*\[?' -Because 'the synopsis is prose, not the syntax PowerShell shows when help is missing'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $help.Description.Text | Should -Not -BeNullOrEmpty
    }

    It 'opens <_> online at its page in docs/en-US' -ForEach $cmdlets {
        (Get-Command $_).HelpUri | Should -Be "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/$_.md"
        Test-Path (Join-Path $repo "docs/en-US/$_.md") | Should -BeTrue
        (Get-Help $_ -Full).relatedLinks.navigationLink.uri | Should -Contain "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/$_.md"
    }

    It 'has the help files the build wrote, not a generated copy' {
        Test-Path (Join-Path $repo 'out/PayNet/en-US/PayNet.PowerShell.dll-Help.xml') | Should -BeTrue
        Test-Path (Join-Path $repo 'out/PayNet/en-US/about_PayNet.help.txt') | Should -BeTrue
    }

    It 'has the about_PayNet topic' {
        (Get-Help about_PayNet | Out-String) | Should -Match 'state unknown'
    }
}

Describe 'Help examples run against the sandbox' {
    It '<Cmdlet>: <Title>' -ForEach $examples {
        if ($Interactive) { Set-ItResult -Skipped -Because 'it waits for a person at the prompt'; return }
        Reset-TestSandbox $sandbox
        Connect-PayNet -Sandbox -BaseUri $sandbox.Uri
        $code = $Code -replace 'Connect-PayNet -Sandbox(?!\s*-BaseUri)', "Connect-PayNet -Sandbox -BaseUri '$($sandbox.Uri)'"
        Push-Location $TestDrive
        Copy-Item -Recurse (Join-Path $repo 'examples') (Join-Path $TestDrive 'examples') -Force
        try {
            $ConfirmPreference = 'None'
            $shown = [System.Collections.Generic.List[object]]::new()
            { & ([scriptblock]::Create($code)) 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $shown.Add($_) } else { $_ } } | Out-String | Out-Null } | Should -Not -Throw
            # An error the example writes to the screen fails it too (a row that failed, a command a parallel runspace
            # did not find), unless the example shows it on purpose (-ErrorAction Continue) or silences it.
            if ($code -notmatch '-ErrorAction Continue') {
                $shown | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } | Should -BeNullOrEmpty
            }
        }
        finally { Pop-Location }
    }
}
