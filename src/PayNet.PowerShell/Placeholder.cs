namespace PayNet.PowerShell { internal static class Placeholder { } }
