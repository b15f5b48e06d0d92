using System.Text.Json;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// What a reader needs from a line this package wrote, text or JSON: its level, task and run id. A line from
/// elsewhere parses to an unknown level and no context; the text is never changed.
/// </summary>
internal readonly record struct StoredLine(string? Level, string? Task, string? RunId)
{
    private const string TaskKey = "task=";
    private const string RunKey = "run_id=";

    public static StoredLine Parse(string message)
    {
        var text = message.AsSpan().TrimStart();
        return text.StartsWith("{") ? ParseJson(message) : ParseText(text);
    }

    // [LEVEL] [user_id=1 job_id=j task=t run_id=r] message; a value is bare or JSON-quoted (see ContextValue).
    private static StoredLine ParseText(ReadOnlySpan<char> text)
    {
        var close = text.IndexOf(']');
        if (!text.StartsWith("[") || close < 2)
        {
            return default;
        }

        var level = text[1..close].ToString();
        var rest = text[(close + 1)..];
        if (!rest.StartsWith(" ["))
        {
            return new StoredLine(level, null, null);
        }

        string? task = null, run = null;
        rest = rest[2..];
        while (!rest.IsEmpty && rest[0] != ']')
        {
            var equals = rest.IndexOf('=');
            if (equals <= 0)
            {
                break;
            }

            var key = rest[..(equals + 1)];
            rest = rest[(equals + 1)..];
            var value = ReadValue(ref rest);
            if (key.SequenceEqual(TaskKey))
            {
                task = value;
            }
            else if (key.SequenceEqual(RunKey))
            {
                run = value;
            }

            rest = rest.TrimStart(' ');
        }

        return new StoredLine(level, task, run);
    }

    private static string? ReadValue(ref ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("\""))
        {
            var close = 1;
            while (close < rest.Length && rest[close] != '"')
            {
                close += rest[close] == '\\' ? 2 : 1;
            }

            if (close >= rest.Length)
            {
                rest = default;
                return null;
            }

            var quoted = rest[..(close + 1)].ToString();
            rest = rest[(close + 1)..];
            try
            {
                return JsonSerializer.Deserialize<string>(quoted, JsonSerializerOptions.Default);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var end = rest.IndexOfAny(' ', ']');
        end = end < 0 ? rest.Length : end;
        var bare = rest[..end].ToString();
        rest = rest[end..];
        return bare;
    }

    private static StoredLine ParseJson(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? default
                : new StoredLine(Text(root, "level"), Text(root, ContextFields.TaskName), Text(root, ContextFields.TaskRunId));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
