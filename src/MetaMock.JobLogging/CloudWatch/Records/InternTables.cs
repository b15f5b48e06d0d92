using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// The ids of categories, templates and context snapshots for one writer. Ids start at 1 (0 means "none") and are only
/// meaningful with the definitions written into the same segment, so they need not survive a restart.
/// </summary>
/// <remarks>
/// Categories and templates are few and mostly literals; a program that builds them at run time would grow the tables
/// without end, so past <see cref="MaxEntries"/> a new one gets a fresh id each time (its definition is then written with
/// each event) instead of a table entry. Snapshots are keyed by reference and dropped with the snapshot. A template is
/// nearly always the same string object call after call (a literal), so a small table keyed by the string's reference
/// answers most lookups without hashing its text.
/// </remarks>
internal sealed class InternTables
{
    public const int MaxEntries = 10_000;

    // A power of two: a template's slot is its object hash code's low bits; a collision only costs the lookup by text.
    private const int ReferenceSlots = 256;

    [ThreadStatic]
    private static (InternTables? Owner, LogContextSnapshot? Snapshot, InternedContext? Entry) _lastContext;

    private readonly ConcurrentDictionary<string, InternedText> _categories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InternedText> _templates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<LogContextSnapshot, InternedContext> _contexts = new();
    private readonly InternedText?[] _templatesByReference = new InternedText?[ReferenceSlots];
    private int _nextText;
    private int _nextContext;

    /// <summary>This process's host and id, as written into this writer's segments.</summary>
    public OriginDefinition Origin { get; } = new();

    public InternedText Category(string name) => Intern(_categories, name, null);

    /// <summary>A template and its hole names (the keys of the template state's values, in order).</summary>
    public InternedText Template(string template, IReadOnlyList<KeyValuePair<string, object?>> state, int count)
    {
        ref var slot = ref _templatesByReference[RuntimeHelpers.GetHashCode(template) & (ReferenceSlots - 1)];
        var seen = Volatile.Read(ref slot);
        if (seen is not null && ReferenceEquals(seen.Text, template))
        {
            return seen;
        }

        if (_templates.TryGetValue(template, out var known))
        {
            if (ReferenceEquals(known.Text, template))
            {
                // Only the very string the entry was interned with: an equal string built per call never replaces it.
                Volatile.Write(ref slot, known);
            }

            return known;
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = state[i].Key;
        }

        return Intern(_templates, template, names);
    }

    public InternedContext Context(LogContextSnapshot snapshot)
    {
        // A job logs many lines with one snapshot, on one thread: the last one answers most lookups.
        var last = _lastContext;
        if (ReferenceEquals(last.Snapshot, snapshot) && ReferenceEquals(last.Owner, this))
        {
            return last.Entry!;
        }

        var entry = _contexts.GetValue(snapshot, s => new InternedContext(unchecked((uint)Interlocked.Increment(ref _nextContext)), s));
        _lastContext = (this, snapshot, entry);
        return entry;
    }

    private InternedText Intern(ConcurrentDictionary<string, InternedText> table, string text, string[]? names)
    {
        if (table.TryGetValue(text, out var known))
        {
            return known;
        }

        var entry = new InternedText(unchecked((uint)Interlocked.Increment(ref _nextText)), text, names);
        return table.Count < MaxEntries ? table.GetOrAdd(text, entry) : entry;
    }
}
