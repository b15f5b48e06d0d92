using System.Text;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>A StringWriter whose text can be read while the sender writes (the sender locks on the writer it is given).</summary>
public sealed class LockedWriter : StringWriter
{
    public LockedWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public string Text
    {
        get
        {
            lock (this)
            {
                return ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines => Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public override Encoding Encoding => Encoding.UTF8;
}
