using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// One thread's reusable lists for encoding a record: the texts printed in the sizing pass, and the key/value pairs of
/// the open scopes. Cleared after each record, so no caller's object outlives the call.
/// </summary>
internal sealed class EncodeScratch
{
    [ThreadStatic]
    private static EncodeScratch? _current;

    private readonly List<string> _texts = [];
    private readonly List<KeyValuePair<string, object?>> _scopes = [];
    private int _nextText;

    public static EncodeScratch Current => _current ??= new EncodeScratch();

    /// <summary>The key/value pairs of every key/value scope open at the call, outermost first.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Scopes => _scopes;

    public string AddText(string text)
    {
        _texts.Add(text);
        return text;
    }

    public string NextText() => _texts[_nextText++];

    /// <summary>Collects the key/value pairs of the open scopes (other scope states carry no properties in a line).</summary>
    public void CaptureScopes(IExternalScopeProvider provider) =>
        provider.ForEachScope(
            static (scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs);
                }
            },
            _scopes);

    public void Clear()
    {
        _texts.Clear();
        _scopes.Clear();
        _nextText = 0;
    }
}
