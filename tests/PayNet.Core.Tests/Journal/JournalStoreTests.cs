using System.Globalization;
using System.Text;
using System.Text.Json;
using PayNet.Core.Journal;
using static PayNet.Core.Tests.Journal.JournalTestKit;

namespace PayNet.Core.Tests.Journal;

/// <summary>The journal on disk: what a line holds, how lines fold, torn lines, rotation, permissions.</summary>
public class JournalStoreTests
{
    [Fact]
    public void An_intent_and_its_outcome_fold_into_one_entry_with_every_field()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        var intent = Intent("ord-1", 25.50m);
        store.RecordIntent(intent);
        store.RecordOutcome(intent, MoneyMoveState.Succeeded, null, "69d-7c9-5f1");

        var entry = Assert.Single(store.ReadAll());
        Assert.Equal((PayNetApi.TopUp, "4242", "TopUpConfirm", "ord-1", 25.50m, "AED"), (entry.Service, entry.Connection, entry.Operation, entry.Reference, entry.Amount, entry.Currency));
        Assert.Equal(("971555555500", "et-mc"), (entry.Payee, entry.ProductOrAccount));
        Assert.Equal((MoneyMoveState.Succeeded, "69d-7c9-5f1", false), (entry.State, entry.TransactionId, entry.IsOpen));
        Assert.Equal(Environment.ProcessId, entry.ProcessId);
        Assert.InRange(entry.Time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("69d-7c9-5f1", entry.Id);
    }

    [Fact]
    public void The_intent_is_on_disk_as_one_readable_JSON_line_before_RecordIntent_returns()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        store.RecordIntent(new MoneyMoveIntent(PayNetApi.Wallet, "jhon", "MemberPayment", "TRC-1", 100.10m, "AED") { Payee = "Çağrı Öztürk" });

        // Read by another handle right away: nothing is buffered in the store.
        string text = File.ReadAllText(Assert.Single(dir.MonthFiles()), Encoding.UTF8);
        Assert.EndsWith("\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var line = JsonDocument.Parse(text);
        Assert.Equal("intent", line.RootElement.GetProperty("kind").GetString());
        Assert.Equal("TRC-1", line.RootElement.GetProperty("reference").GetString());
        Assert.Contains("\"amount\":100.10", text); // the decimal as written, scale kept
        Assert.Contains("Çağrı Öztürk", text); // names stay readable, not \u-escaped
    }

    [Fact]
    public void Amounts_survive_a_round_trip_exactly_whatever_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            using var dir = new TempJournalDirectory();
            var store = dir.Store();
            foreach (var amount in new[] { 0.01m, 1234567.89m, 10.50m, 79228162514264337593543950.335m })
                store.RecordIntent(Intent("amt-" + amount.ToString(CultureInfo.InvariantCulture), amount));
            var amounts = store.ReadAll().Select(e => e.Amount).ToList();
            Assert.Equal(new[] { 0.01m, 1234567.89m, 10.50m, 79228162514264337593543950.335m }.OrderBy(a => a), amounts.OrderBy(a => a));
            Assert.DoesNotContain("1234567,89", dir.AllText());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Outcomes_replace_the_state_and_the_reason_and_keep_the_transaction_id()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        var intent = Intent("ord-2");
        store.RecordIntent(intent);
        Assert.Equal(MoneyMoveState.Sent, Assert.Single(store.ReadAll()).State);
        store.RecordOutcome(intent, MoneyMoveState.Pending, null, "tx-9");
        store.RecordOutcome(intent, MoneyMoveState.Unknown, "the answer was lost", null);
        var entry = Assert.Single(store.ReadAll());
        Assert.Equal((MoneyMoveState.Unknown, "the answer was lost", "tx-9", true), (entry.State, entry.Reason, entry.TransactionId, entry.IsOpen));
        store.RecordOutcome(intent, MoneyMoveState.Succeeded, null, null);
        entry = Assert.Single(store.ReadAll());
        Assert.Equal((MoneyMoveState.Succeeded, (string?)null, "tx-9"), (entry.State, entry.Reason, entry.TransactionId));
    }

    [Fact]
    public void The_same_reference_on_two_connections_or_services_is_two_entries()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        store.RecordIntent(Intent("shared", connection: "1"));
        store.RecordIntent(Intent("shared", connection: "2"));
        store.RecordIntent(Intent("shared", service: PayNetApi.Wallet, connection: "1"));
        Assert.Equal(3, store.ReadAll().Count);
    }

    [Fact]
    public void A_settlement_never_overwrites_a_final_outcome_the_sender_recorded_meanwhile()
    {
        using var dir = new TempJournalDirectory();
        var sender = dir.Store();
        var intent = Intent("race");
        sender.RecordIntent(intent);
        var readBySync = Assert.Single(dir.Store().ReadAll());

        sender.RecordOutcome(intent, MoneyMoveState.Succeeded, null, "tx-1"); // lands while Sync looks it up
        var kept = dir.Store().RecordSettlement(readBySync, MoneyMoveState.Pending, "still pending at PayNet", null);

        Assert.Equal((MoneyMoveState.Succeeded, "tx-1"), (kept.State, kept.TransactionId));
        Assert.Equal(MoneyMoveState.Succeeded, Assert.Single(sender.ReadAll()).State);
        Assert.Equal(2, File.ReadAllLines(Assert.Single(dir.MonthFiles())).Length); // nothing written

        var open = Intent("race-2");
        sender.RecordIntent(open);
        var settled = dir.Store().RecordSettlement(sender.ReadAll(query: new JournalQuery { Reference = "race-2" }).Single(), MoneyMoveState.Failed, "not executed", null);
        Assert.Equal((MoneyMoveState.Failed, "not executed"), (settled.State, settled.Reason));
    }

    [Fact]
    public void A_torn_last_line_is_skipped_with_one_warning_and_nothing_else_is_lost_even_after_more_writes()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        for (int i = 0; i < 3; i++) store.RecordIntent(Intent("torn-" + i));
        string file = Assert.Single(dir.MonthFiles());
        // What a crash in the middle of a write leaves: the start of a line, no newline.
        File.AppendAllText(file, "{\"v\":1,\"kind\":\"intent\",\"time\":\"2026-12-03T09:00:00.000Z\",\"pid\":1,\"servi");

        var warnings = new List<string>();
        var entries = store.ReadAll(warnings);
        Assert.Equal(new[] { "torn-0", "torn-1", "torn-2" }, entries.Select(e => e.Reference).OrderBy(r => r));
        Assert.Contains("torn last line 4", Assert.Single(warnings));

        // The next write starts on a fresh line, so the torn one does not swallow it.
        store.RecordIntent(Intent("after-crash"));
        warnings.Clear();
        entries = store.ReadAll(warnings);
        Assert.Equal(4, entries.Count);
        Assert.Contains(entries, e => e.Reference == "after-crash");
        Assert.Contains("line 4", Assert.Single(warnings));
    }

    [Fact]
    public void A_corrupt_line_in_the_middle_costs_only_that_line()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        store.RecordIntent(Intent("a"));
        File.AppendAllText(Assert.Single(dir.MonthFiles()), "not json at all\n{\"kind\":\"intent\"}\n");
        store.RecordIntent(Intent("b"));
        var warnings = new List<string>();
        Assert.Equal(new[] { "a", "b" }, store.ReadAll(warnings).Select(e => e.Reference).OrderBy(r => r));
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void One_file_per_month_newest_first_and_an_outcome_goes_to_the_file_of_its_intent()
    {
        using var dir = new TempJournalDirectory();
        var now = new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero);
        var store = dir.Store(() => now);
        var january = Intent("jan-1");
        store.RecordIntent(january);
        store.RecordIntent(Intent("jan-2"));
        now = new DateTimeOffset(2026, 2, 1, 0, 0, 1, TimeSpan.Zero);
        store.RecordIntent(Intent("feb-1"));
        store.RecordOutcome(january, MoneyMoveState.Succeeded, null, "t1");

        Assert.Equal(new[] { "journal-2026-01.jsonl", "journal-2026-02.jsonl" }, dir.MonthFiles().Select(Path.GetFileName));
        Assert.Equal(3, File.ReadAllLines(dir.MonthFiles()[0]).Length); // jan-1, jan-2, jan-1's outcome
        var entries = store.ReadAll();
        Assert.Equal(new[] { "feb-1", "jan-2", "jan-1" }, entries.Select(e => e.Reference));
        Assert.Equal(MoneyMoveState.Succeeded, entries[2].State);
    }

    [Fact]
    public void An_outcome_written_by_another_process_into_a_newer_month_still_folds_into_its_entry()
    {
        using var dir = new TempJournalDirectory();
        var now = new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero);
        dir.Store(() => now).RecordIntent(Intent("late"));
        now = now.AddHours(2);
        // A second instance (as another process) knows nothing of the intent: its outcome lands in April.
        var other = dir.Store(() => now);
        other.RecordOutcome(Intent("late"), MoneyMoveState.Failed, "declined", null);
        Assert.Equal(2, dir.MonthFiles().Length);
        var warnings = new List<string>();
        var entry = Assert.Single(other.ReadAll(warnings));
        Assert.Equal((MoneyMoveState.Failed, "declined"), (entry.State, entry.Reason));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Filters_select_open_state_service_reference_and_since()
    {
        using var dir = new TempJournalDirectory();
        var now = new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
        var store = dir.Store(() => now);
        var done = Intent("done");
        store.RecordIntent(done);
        store.RecordOutcome(done, MoneyMoveState.Succeeded, null, null);
        now = now.AddDays(1);
        var lost = Intent("lost", service: PayNetApi.Wallet);
        store.RecordIntent(lost);
        store.RecordOutcome(lost, MoneyMoveState.Unknown, "timeout", null);
        store.RecordIntent(Intent("flying"));

        Assert.Equal(new[] { "flying", "lost" }, store.ReadAll(query: new JournalQuery { OpenOnly = true }).Select(e => e.Reference));
        var unknown = new JournalQuery();
        unknown.States.Add(MoneyMoveState.Unknown);
        Assert.Equal("lost", Assert.Single(store.ReadAll(query: unknown)).Reference);
        Assert.Equal("lost", Assert.Single(store.ReadAll(query: new JournalQuery { Service = PayNetApi.Wallet })).Reference);
        Assert.Equal("done", Assert.Single(store.ReadAll(query: new JournalQuery { Reference = "done" })).Reference);
        Assert.Empty(store.ReadAll(query: new JournalQuery { Reference = "DONE" })); // references are exact
        Assert.Equal(2, store.ReadAll(query: new JournalQuery { Since = now.AddHours(-1) }).Count);
    }

    [Fact]
    public void Reading_the_newest_entries_never_opens_older_months()
    {
        using var dir = new TempJournalDirectory();
        var now = new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero);
        var store = dir.Store(() => now);
        store.RecordIntent(Intent("june"));
        now = now.AddMonths(1);
        store.RecordIntent(Intent("july"));
        // Poison June: any read of it would warn.
        File.AppendAllText(dir.MonthFiles()[0], "garbage\n");

        var warnings = new List<string>();
        Assert.Equal("july", store.Read(null, warnings.Add).First().Reference);
        Assert.Equal("july", Assert.Single(store.ReadAll(warnings, new JournalQuery { Since = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero) })).Reference);
        Assert.Empty(warnings);
        Assert.Equal(2, store.ReadAll(warnings).Count);
        Assert.Single(warnings);
    }

    [Fact]
    public void An_empty_or_missing_directory_reads_as_no_entries()
    {
        using var dir = new TempJournalDirectory();
        Assert.Empty(dir.Store().ReadAll());
        Assert.False(Directory.Exists(dir.Path)); // reading creates nothing
    }

    [Fact]
    public void Files_and_the_directory_are_private_to_the_owner_on_Unix()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempJournalDirectory();
        var store = dir.Store();
        store.RecordIntent(Intent("private"));
        store.ReserveTopUpKey(77, 1);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir.Path));
        var files = Directory.GetFiles(dir.Path);
        Assert.Equal(3, files.Length); // month file, lock file, key file
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void Location_is_the_explicit_path_then_PAYNET_JOURNAL_then_the_per_user_data_directory()
    {
        string? saved = Environment.GetEnvironmentVariable(JournalLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(JournalLocation.EnvironmentVariable, Path.Combine(Path.GetTempPath(), "from-env"));
            Assert.Equal(Path.GetFullPath("explicit"), JournalLocation.Resolve("explicit"));
            Assert.Equal(Path.Combine(Path.GetTempPath(), "from-env"), JournalLocation.Resolve(null));
            Environment.SetEnvironmentVariable(JournalLocation.EnvironmentVariable, null);
            string expected = OperatingSystem.IsWindows()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PayNet", "journal")
                : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg : Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".local", "share"), "PayNet", "journal");
            Assert.Equal(expected, JournalLocation.Resolve(null));
        }
        finally
        {
            Environment.SetEnvironmentVariable(JournalLocation.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void A_lock_held_too_long_fails_with_a_clear_error_and_writes_nothing()
    {
        using var dir = new TempJournalDirectory();
        var store = dir.Store(lockTimeout: TimeSpan.FromMilliseconds(300));
        store.RecordIntent(Intent("first"));
        // Another process holding the lock looks like this: the lock file open without sharing.
        using (new FileStream(Path.Combine(dir.Path, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            // This process's monitor is free: only the OS lock is held, as by another process.
            var error = Assert.Throws<JournalLockTimeoutException>(() => dir.Store(lockTimeout: TimeSpan.FromMilliseconds(300)).RecordIntent(Intent("blocked")));
            Assert.Contains("stayed locked", error.Message);
            Assert.Contains("nothing was sent", error.Message);
        }
        Assert.Equal("first", Assert.Single(store.ReadAll()).Reference);
    }
}
