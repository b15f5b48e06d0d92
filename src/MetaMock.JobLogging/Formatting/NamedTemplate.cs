using System.Globalization;
using System.Text;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Turns a Microsoft.Extensions.Logging message template (<c>"Generated {Count} images"</c>) into the composite format
/// its own formatter uses (<c>"Generated {0} images"</c>), by the same rules, so a message formatted from it reads exactly
/// as the template state's <c>ToString</c> would.
/// </summary>
/// <remarks>
/// The rules are Microsoft.Extensions.Logging's: each unescaped <c>{...}</c> hole, in order, becomes the next index,
/// keeping its alignment and format (<c>{Count,5:N0}</c> becomes <c>{0,5:N0}</c>); a repeated name gets a new index; a
/// template with no hole is used as it is; doubled braces stay doubled for the composite format to unescape.
/// </remarks>
internal static class NamedTemplate
{
    /// <summary>The composite format of <paramref name="template"/>; throws <see cref="FormatException"/> where MEL's would.</summary>
    public static CompositeFormat Parse(string template)
    {
        var converted = new StringBuilder(template.Length);
        var holes = 0;
        var scan = 0;
        var end = template.Length;
        while (scan < end)
        {
            var open = FindBrace(template, '{', scan, end);
            if (scan == 0 && open == end)
            {
                return CompositeFormat.Parse(template);
            }

            var close = FindBrace(template, '}', open, end);
            if (close == end)
            {
                converted.Append(template, scan, end - scan);
                break;
            }

            var delimiter = template.AsSpan(open, close - open).IndexOfAny(',', ':');
            delimiter = delimiter < 0 ? close : delimiter + open;
            converted.Append(template, scan, open - scan + 1)
                .Append(holes++.ToString(CultureInfo.InvariantCulture))
                .Append(template, delimiter, close - delimiter + 1);
            scan = close + 1;
        }

        return CompositeFormat.Parse(converted.ToString());
    }

    // The index of the brace that opens (for '{', the last of a run) or closes (for '}', the first of a run) a hole,
    // skipping escaped pairs; `end` when there is none. An odd run of braces holds one unescaped brace.
    private static int FindBrace(string template, char brace, int start, int end)
    {
        var found = end;
        var run = 0;
        for (var i = start; i < end; i++)
        {
            if (template[i] == brace)
            {
                if (brace == '{' || run == 0)
                {
                    found = i;
                }

                run++;
            }
            else if (run > 0)
            {
                if (run % 2 != 0)
                {
                    break;
                }

                run = 0;
                found = end;
            }
        }

        return found;
    }
}
