using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>A Serilog sink that formats each event as a text line and throws the text away, like a null console.</summary>
internal sealed class NullTextSink(ITextFormatter formatter) : ILogEventSink
{
    public void Emit(LogEvent logEvent) => formatter.Format(logEvent, TextWriter.Null);
}
