using System.Globalization;
using System.Text;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// Gives the sender a record's message as characters: a stored template is formatted with its stored values into a
/// reused buffer rather than a new string, with the same text Microsoft.Extensions.Logging gives (see <see cref="TemplateText"/>).
/// </summary>
/// <remarks>
/// Composite formats are cached per template (templates are few and usually literals), bounded so that templates built
/// at run time cannot grow the cache without limit. Anything unusual (a value that fails to format, a message longer
/// than <see cref="MaxChars"/>) takes <see cref="TemplateText.Format"/>. Loop thread only.
/// </remarks>
internal sealed class TemplateWriter
{
    /// <summary>
    /// Longer messages are rare: they are formatted into a string instead of growing the buffer further, which the loop
    /// keeps for the process's life (32 KB at most, below the large-object heap).
    /// </summary>
    public const int MaxChars = 16 * 1024;

    private const int MaxCachedTemplates = 1_000;

    // What Microsoft.Extensions.Logging writes for a null value.
    private const string NullValue = "(null)";

    private readonly Dictionary<string, CompositeFormat> _formats = new(StringComparer.Ordinal);
    private char[] _chars = new char[256];
    private object?[] _values = new object?[8];

    /// <summary>The message's text; valid until the next call.</summary>
    public ReadOnlySpan<char> Write(TemplateDefinition template, ValueList values)
    {
        var count = values.Count;
        if (count == 0)
        {
            // With no values, Microsoft.Extensions.Logging's states give their template back as it is (braces and all).
            return template.Template;
        }

        if (_values.Length < count)
        {
            _values = new object?[count];
        }

        var boxes = _values.AsSpan(0, count);
        try
        {
            var read = values;
            for (var i = 0; i < count && read.TryRead(out var value); i++)
            {
                boxes[i] = value.ToObject() ?? NullValue;
            }

            var format = FormatOf(template.Template);
            while (true)
            {
                if (_chars.AsSpan().TryWrite(CultureInfo.InvariantCulture, format, out var written, (ReadOnlySpan<object?>)boxes))
                {
                    return _chars.AsSpan(0, written);
                }

                if (_chars.Length >= MaxChars)
                {
                    return TemplateText.Format(template, values);
                }

                _chars = new char[_chars.Length * 2];
            }
        }
#pragma warning disable CA1031 // A bad format specifier, or anything else: the one formatting of templates reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return TemplateText.Format(template, values);
        }
        finally
        {
            boxes.Clear();
        }
    }

    private CompositeFormat FormatOf(string template)
    {
        if (!_formats.TryGetValue(template, out var format))
        {
            if (_formats.Count >= MaxCachedTemplates)
            {
                _formats.Clear();
            }

            format = NamedTemplate.Parse(template);
            _formats[template] = format;
        }

        return format;
    }
}
