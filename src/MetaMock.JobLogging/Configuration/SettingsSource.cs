namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// Applies the settings one text source gives. A bad value is reported in one line naming where it came from,
/// the value (a URL's user name and password left out) and what is accepted, and the setting keeps its previous value:
/// the application keeps running.
/// </summary>
internal static class SettingsSource
{
    public static void Apply(
        MetaMockLoggingOptions options,
        Func<Setting, string?> lookup,
        Func<Setting, string> describe,
        ConfigurationErrorReporter errors)
    {
        foreach (var setting in Settings.All)
        {
            if (lookup(setting) is not { } text)
            {
                continue;
            }

            if (!setting.TryApply(text, options))
            {
                errors.Report(
                    $"MetaMock.JobLogging: {describe(setting)} has the invalid value \"{UrlUserInfo.Strip(text)}\"; accepted: {setting.Accepted}. Ignored: the setting keeps its default or the value a weaker source gave.");
            }
        }
    }
}
