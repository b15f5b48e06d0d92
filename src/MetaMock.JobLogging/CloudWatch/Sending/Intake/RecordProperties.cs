using System.Text;
using MetaMock.JobLogging.CloudWatch.Records;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// A record's named values and scope properties as the key/value pairs the JSON line writer reads, so the sender and the
/// console write JSON with one writer. The values are the record's (texts and numbers as at the call), never the
/// caller's objects.
/// </summary>
internal static class RecordProperties
{
    /// <summary>The JSON line's named values: the template's holes and values, or the ones stored apart; null when none.</summary>
    public static List<KeyValuePair<string, object?>>? Of(in EventView view)
    {
        if (view.TemplateProperties && view.Template is { } template)
        {
            var values = view.Values;
            var pairs = new List<KeyValuePair<string, object?>>(template.Names.Length);
            for (var i = 0; i < template.Names.Length && values.TryRead(out var value); i++)
            {
                pairs.Add(new(template.Names[i], value.ToObject()));
            }

            return pairs;
        }

        return view.Properties.Count == 0 ? null : Read(view.Properties);
    }

    /// <summary>The key/value scope properties open at the call, as one scope; null when none were captured.</summary>
    public static IExternalScopeProvider? ScopesOf(in EventView view) =>
        view.Scopes.Count == 0 ? null : new StoredScopes(Read(view.Scopes));

    private static List<KeyValuePair<string, object?>> Read(PropertyList list)
    {
        var pairs = new List<KeyValuePair<string, object?>>(list.Count);
        while (list.TryRead(out var key, out var value))
        {
            pairs.Add(new(Encoding.UTF8.GetString(key), value.ToObject()));
        }

        return pairs;
    }

    // The scopes of a record: one list of pairs, read back by the JSON writer through the scope provider contract.
    private sealed class StoredScopes(List<KeyValuePair<string, object?>> pairs) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) => callback(pairs, state);

        public IDisposable Push(object? state) => throw new NotSupportedException("A record's scopes are a record of the past.");
    }
}
