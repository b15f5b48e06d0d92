using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// One thread's reusable lists for encoding a record: the texts printed in the sizing pass, and the key/value pairs of
/// the JSON line's named values and of the open scopes, each read once. Cleared after each record, so no caller's
/// object outlives the call.
/// </summary>
/// <remarks>
/// A list that throws while it is read (a dictionary another thread changes, a state's own enumerator) keeps the pairs
/// read before the failure, then a <see cref="JsonLine.PropertiesErrorKey"/> pair naming it, as the console's JSON line
/// does; each such pair, and each value whose text threw, is counted in <see cref="Placeholders"/>.
/// </remarks>
internal sealed class EncodeScratch
{
    private const string OriginalFormat = "{OriginalFormat}";

    [ThreadStatic]
    private static EncodeScratch? _current;

    private readonly List<string> _texts = [];
    private readonly List<object?> _values = [];
    private readonly List<KeyValuePair<string, object?>> _properties = [];
    private readonly List<KeyValuePair<string, object?>> _scopes = [];
    private int _nextText;

    public static EncodeScratch Current => _current ??= new EncodeScratch();

    /// <summary>The JSON line's named values, without the template's <c>{OriginalFormat}</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties => _properties;

    /// <summary>The key/value pairs of every key/value scope open at the call, outermost first.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Scopes => _scopes;

    /// <summary>Placeholders written in place of text that threw.</summary>
    public int Placeholders { get; set; }

    /// <summary>Texts kept so far (a mark to <see cref="ForgetTextsFrom"/>).</summary>
    public int TextCount => _texts.Count;

    public string AddText(string text)
    {
        _texts.Add(text);
        return text;
    }

    /// <summary>Forgets the texts kept after <paramref name="mark"/> (a part that was measured, then not kept).</summary>
    public void ForgetTextsFrom(int mark) => _texts.RemoveRange(mark, _texts.Count - mark);

    public string NextText() => _texts[_nextText++];

    /// <summary>Keeps a template value read in the sizing pass, for the writing pass: a typed state boxes it on each read.</summary>
    public object? AddValue(object? value)
    {
        _values.Add(value);
        return value;
    }

    /// <summary>The template value kept at <paramref name="index"/>.</summary>
    public object? Value(int index) => _values[index];

    /// <summary>Forgets the values kept (a template left for a message formatted at the call).</summary>
    public void ForgetValues() => _values.Clear();

    /// <summary>Reads the state's named values once.</summary>
    public void CaptureProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        if (TryAdd(_properties, properties) is { } error)
        {
            AddError(_properties, error);
        }
    }

    /// <summary>Collects the key/value pairs of the open scopes (other scope states carry no properties in a line).</summary>
    public void CaptureScopes(IExternalScopeProvider provider)
    {
        try
        {
            provider.ForEachScope(
                static (scope, self) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs && TryAdd(self._scopes, pairs) is { } error)
                    {
                        self.AddError(self._scopes, error);
                    }
                },
                this);
        }
#pragma warning disable CA1031 // The scope provider is the application's too: nothing it throws may reach the log call.
        catch (Exception error)
#pragma warning restore CA1031
        {
            AddError(_scopes, error);
        }
    }

    public void Clear()
    {
        _texts.Clear();
        _values.Clear();
        _properties.Clear();
        _scopes.Clear();
        _nextText = 0;
        Placeholders = 0;
    }

    private static Exception? TryAdd(List<KeyValuePair<string, object?>> into, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        try
        {
            foreach (var pair in pairs)
            {
                if (pair.Key is not null && pair.Key != OriginalFormat)
                {
                    into.Add(pair);
                }
            }

            return null;
        }
#pragma warning disable CA1031 // A list changed by another thread, or its own enumerator failing: the pairs before it stay.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return error;
        }
    }

    private void AddError(List<KeyValuePair<string, object?>> into, Exception error)
    {
        Placeholders++;
        into.Add(new(JsonLine.PropertiesErrorKey, UserText.Placeholder("properties enumeration", error)));
    }
}
