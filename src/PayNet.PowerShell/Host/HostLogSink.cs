using PayNet.Core.Http;

namespace PayNet.PowerShell.Host
{
    /// <summary>Routes PayNet.Core's redacted log lines to the cmdlet's Verbose/Debug/Warning streams, on the pipeline thread.</summary>
    internal sealed class HostLogSink : IPayNetLog
    {
        private readonly ICmdletHost _host;
        private readonly PipelineDispatcher _dispatcher;

        public HostLogSink(ICmdletHost host, PipelineDispatcher dispatcher)
        {
            _host = host;
            _dispatcher = dispatcher;
            IsVerboseEnabled = host.IsVerboseEnabled;
            IsDebugEnabled = host.IsDebugEnabled;
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public void Verbose(string message) => _dispatcher.Post(() => _host.WriteVerbose(message));
        public void Debug(string message) => _dispatcher.Post(() => _host.WriteDebug(message));
        public void Warning(string message) => _dispatcher.Post(() => _host.WriteWarning(message));
    }
}
