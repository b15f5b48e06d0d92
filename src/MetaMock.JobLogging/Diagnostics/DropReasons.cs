namespace MetaMock.JobLogging.Diagnostics;

/// <summary>Why an event did not reach CloudWatch; the keys of <see cref="MetaMockLoggingDiagnostics.DroppedByReason"/> and the meter's <c>reason</c> tag.</summary>
internal static class DropReasons
{
    /// <summary>The buffer was at its event or byte limit (full mode DropNewest).</summary>
    public const string BufferFull = "buffer_full";

    /// <summary>CloudWatch refused the event itself with InvalidParameterException.</summary>
    public const string InvalidEvent = "invalid_event";

    /// <summary>Reported in rejectedLogEventsInfo: more than 2 h in the future.</summary>
    public const string TooNew = "too_new";

    /// <summary>Reported in rejectedLogEventsInfo: older than 14 days.</summary>
    public const string TooOld = "too_old";

    /// <summary>Reported in rejectedLogEventsInfo: older than the group's retention.</summary>
    public const string Expired = "expired";

    /// <summary>
    /// Formatting threw for a reason other than the application's values (what those throw becomes a placeholder, see
    /// <see cref="MetaMockLoggingDiagnostics.PlaceholdersWritten"/>): only that event is lost.
    /// </summary>
    public const string FormatFailed = "format_failed";

    /// <summary>Still buffered when the shutdown timeout ran out, never sent (or refused every time it was).</summary>
    public const string UndeliveredAtShutdown = "undelivered_at_shutdown";

    /// <summary>Sent, but the answer never came (a call the shutdown deadline cut, or a lost answer not yet resent): they may have arrived.</summary>
    public const string InFlightAtShutdown = "in_flight_at_shutdown";

    /// <summary>Sent twice and no answer came either time: it may be stored (even twice), but is not sent a third time.</summary>
    public const string AnswerLost = "answer_lost";

    /// <summary>Logged after the provider was disposed.</summary>
    public const string AfterDispose = "after_dispose";
}
