using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// One thread's reusable lists for encoding a record: the values read in the sizing pass (template values, then named
/// values, then scope values, in the order the writing pass writes them), and the key/value pairs of the JSON line's
/// named values and of the open scopes, each read once. Cleared after each record, so no caller's object outlives the call.
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

    private CapturedValue[] _values = new CapturedValue[16];
    private int _count;
    private readonly List<KeyValuePair<string, object?>> _properties = [];
    private readonly List<KeyValuePair<string, object?>> _scopes = [];
    private int _next;

    public static EncodeScratch Current => _current ??= new EncodeScratch();

    /// <summary>The JSON line's named values, without the template's <c>{OriginalFormat}</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties => _properties;

    /// <summary>The key/value pairs of every key/value scope open at the call, outermost first.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Scopes => _scopes;

    /// <summary>Placeholders written in place of text that threw.</summary>
    public int Placeholders { get; set; }

    /// <summary>Values kept so far (a mark to <see cref="ForgetFrom"/>).</summary>
    public int Count => _count;

    /// <summary>Keeps a value read in the sizing pass, for the writing pass.</summary>
    public ref readonly CapturedValue Add(CapturedValue value)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[_count] = value;
        return ref _values[_count++];
    }

    /// <summary>As <see cref="Add"/>, for a compiled reader (which cannot take a reference back).</summary>
    public void AddValue(CapturedValue value) => Add(value);

    /// <summary>The value kept at <paramref name="index"/>.</summary>
    public ref readonly CapturedValue At(int index) => ref _values[index];

    /// <summary>Forgets the values kept from <paramref name="mark"/> on (a part that was measured, then not kept).</summary>
    public void ForgetFrom(int mark)
    {
        Array.Clear(_values, mark, _count - mark);
        _count = mark;
    }

    /// <summary>The next value for the writing pass, in the order they were kept.</summary>
    public ref readonly CapturedValue Next() => ref _values[_next++];

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
        ForgetFrom(0);
        _properties.Clear();
        _scopes.Clear();
        _next = 0;
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
