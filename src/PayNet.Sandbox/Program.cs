using PayNet.Sandbox;
using PayNet.Sandbox.Control;

var app = SandboxApp.Build(args);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var root = SandboxApp.RootUri(app).ToString().TrimEnd('/');
    var options = app.Services.GetRequiredService<SandboxOptions>();
    Console.WriteLine($"PayNet sandbox listening on {root}");
    Console.WriteLine($"  Wallet  {root}/wallet/api   apikey {options.Wallet.ApiKey}   principal {options.Wallet.Principal}   PIN {options.Wallet.Pin}");
    Console.WriteLine($"  TopUp   {root}/topup        POS id {options.TopUp.PosId}   token {options.TopUp.Token}");
    Console.WriteLine($"  Card    {root}/card         secret key {options.Card.SecretKey}");
    Console.WriteLine($"  Control {root}/__sandbox    (discovery, reset, clock, faults, ledger)");
    Console.WriteLine("These are sandbox-only credentials. Press Ctrl+C to stop.");
});
app.Run();
