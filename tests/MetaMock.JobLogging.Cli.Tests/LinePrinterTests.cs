using MetaMock.JobLogging.Cli.Output;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.Cli.Tests;

public sealed class LinePrinterTests
{
    [Theory]
    [InlineData("[ERROR] boom", "\u001b[31m")]
    [InlineData("[WARNING] careful", "\u001b[33m")]
    [InlineData("[DEBUG] detail", "\u001b[90m")]
    public void On_a_terminal_a_line_is_coloured_by_its_level(string message, string colour)
    {
        var output = new StringWriter();

        new LinePrinter(output, colour: true, json: false).Write(new OutputLogEvent(0, message + "\n", null), StoredLine.Parse(message));

        Assert.Equal($"{colour}1970-01-01T00:00:00.000Z {message}\u001b[0m{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public void An_exception_stays_whole_and_an_info_line_is_not_coloured()
    {
        var output = new StringWriter();
        const string message = "[INFO] failed\nSystem.Exception: x\n   at A.B()\n";

        new LinePrinter(output, colour: true, json: false).Write(new OutputLogEvent(0, message, null), StoredLine.Parse(message));

        Assert.Equal("1970-01-01T00:00:00.000Z [INFO] failed\nSystem.Exception: x\n   at A.B()" + Environment.NewLine, output.ToString());
    }
}
