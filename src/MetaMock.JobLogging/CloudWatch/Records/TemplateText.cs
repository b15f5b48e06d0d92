using System.Globalization;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Formats a stored template with its stored values the way Microsoft.Extensions.Logging's template states do
/// (invariant culture, "(null)" for null, a template without values as it is).
/// </summary>
internal static class TemplateText
{
    private const string NullValue = "(null)";

    /// <summary>What the console prints for a template that fails to format: the template and a placeholder naming the failure.</summary>
    public static string FormatFailed(string template, Exception error) =>
        $"{ValidUtf16.Repair(template)} {UserText.Placeholder("message formatter", error)}";

    public static string Format(TemplateDefinition template, ValueList values)
    {
        if (values.Count == 0)
        {
            return template.Template;
        }

        var objects = new object?[values.Count];
        for (var i = 0; i < objects.Length && values.TryRead(out var value); i++)
        {
            objects[i] = value.ToObject() ?? NullValue;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, NamedTemplate.Parse(template.Template), objects);
        }
        catch (FormatException error)
        {
            return FormatFailed(template.Template, error);
        }
    }
}
