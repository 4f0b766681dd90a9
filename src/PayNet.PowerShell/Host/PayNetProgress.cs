using System.Management.Automation;

namespace PayNet.PowerShell.Host
{
    /// <summary>A progress update, kept as our own type so tests can read it; becomes a ProgressRecord in PowerShell.</summary>
    internal sealed class PayNetProgress
    {
        public PayNetProgress(int activityId, string activity, string status, int percentComplete = -1, bool completed = false)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        public int ActivityId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; }
        public int SecondsRemaining { get; set; } = -1;
        public bool Completed { get; }

        public ProgressRecord ToProgressRecord() => new ProgressRecord(ActivityId, Activity, Status)
        {
            PercentComplete = PercentComplete,
            SecondsRemaining = SecondsRemaining,
            RecordType = Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };

        public override string ToString() => $"{Activity}: {Status}{(PercentComplete >= 0 ? $" ({PercentComplete}%)" : "")}{(Completed ? " [completed]" : "")}";
    }
}
