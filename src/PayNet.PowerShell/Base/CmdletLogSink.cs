using PayNet.Core.Http;

namespace PayNet.PowerShell
{
    /// <summary>Routes PayNet.Core's redacted log lines to the cmdlet's Verbose/Debug/Warning streams, on the pipeline thread.</summary>
    internal sealed class CmdletLogSink : IPayNetLog
    {
        private readonly PayNetCmdlet _cmdlet;
        private readonly PipelineDispatcher _dispatcher;

        public CmdletLogSink(PayNetCmdlet cmdlet, PipelineDispatcher dispatcher, bool verbose, bool debug)
        {
            _cmdlet = cmdlet;
            _dispatcher = dispatcher;
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public void Verbose(string message) => _dispatcher.Post(() => _cmdlet.WriteVerbose(message));
        public void Debug(string message) => _dispatcher.Post(() => _cmdlet.WriteDebug(message));
        public void Warning(string message) => _dispatcher.Post(() => _cmdlet.WriteWarning(message));
    }
}
