namespace PayNet.PowerShell.Tests { public class Placeholder { } }
