namespace PayNet.Core.Tests { public class Placeholder { } }
