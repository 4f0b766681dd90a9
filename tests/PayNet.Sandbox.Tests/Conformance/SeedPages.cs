using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>One sample request of a seed page: how it is written, where it goes, its headers and body.</summary>
public sealed record SeedRequest(
    string File,
    string Language,
    int Position,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    string? RawBody,
    JsonNode? Body)
{
    public string Describe() => $"{File} {Language}@{Position} POST {Url.AbsolutePath}";
}

/// <summary>A JSON answer shown on a seed page, with the short heading above it ("Response", "Success", "Pending"...).</summary>
public sealed record SeedAnswer(int Position, string Heading, JsonNode Json);

/// <summary>
/// A seed page (the providers' documentation as captured, noise included) read for its sample requests and
/// its JSON answers. Requests are found by their construct, not by their place on the page: curl commands
/// (<c>-d/--data</c>), PHP <c>$data = [...]</c>, JavaScript <c>fetch(url, {body: JSON.stringify({...})})</c> and
/// Python <c>requests.post(url, json={...})</c>. Answers are the strict-JSON blocks that open a line.
/// </summary>
public sealed class SeedPage
{
    private static readonly HashSet<string> NotHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "json", "bash", "php", "javascript", "python", "select...", "shell", "curl",
    };

    private SeedPage(string file, IReadOnlyList<SeedRequest> requests, IReadOnlyList<SeedAnswer> answers)
    {
        File = file;
        Requests = requests;
        Answers = answers;
    }

    public string File { get; }
    public IReadOnlyList<SeedRequest> Requests { get; }
    public IReadOnlyList<SeedAnswer> Answers { get; }

    /// <summary>The answer the page shows for a request: the first JSON answer after it.</summary>
    public SeedAnswer? AnswerFor(SeedRequest request) => Answers.FirstOrDefault(a => a.Position > request.Position);

    public static SeedPage Load(string path)
    {
        string text = System.IO.File.ReadAllText(path).Replace("\r\n", "\n");
        string name = Path.GetFileName(path);
        var requests = new List<SeedRequest>();
        requests.AddRange(CurlRequests(name, text));
        requests.AddRange(PhpRequests(name, text));
        requests.AddRange(JavaScriptRequests(name, text));
        requests.AddRange(PythonRequests(name, text));
        return new SeedPage(name, requests.OrderBy(r => r.Position).ToList(), JsonAnswers(text));
    }

    // ---- curl ----

    private static IEnumerable<SeedRequest> CurlRequests(string file, string text)
    {
        foreach (Match m in Regex.Matches(text, @"\bcurl[ \t]"))
        {
            var words = ShellWords(text, m.Index + 4);
            Uri? url = null;
            string? data = null;
            var headers = new List<KeyValuePair<string, string>>();
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i];
                if (w is "-H" or "--header" && i + 1 < words.Count)
                {
                    string h = words[++i];
                    int colon = h.IndexOf(':');
                    if (colon > 0) headers.Add(new(h[..colon].Trim(), h[(colon + 1)..].Trim()));
                }
                else if (w is "-d" or "--data" or "--data-raw" or "--data-binary" && i + 1 < words.Count) data = words[++i];
                else if (w is "-X" or "--request" && i + 1 < words.Count) i++;
                else if (w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    url = new Uri(w);
            }
            if (url is null || data is null) continue;
            string? contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
            // curl sends --data as a form unless told otherwise, as the Wallet samples are sent.
            contentType ??= "application/x-www-form-urlencoded";
            headers.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
            JsonNode? body = null;
            try { body = JsonNode.Parse(data); } catch (JsonException) { }
            yield return new SeedRequest(file, "curl", m.Index, url, headers, contentType, data, body);
        }
    }

    /// <summary>The words of a shell command up to its end: quotes, backslash escapes and line continuations.</summary>
    private static List<string> ShellWords(string s, int i)
    {
        var words = new List<string>();
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length && char.IsWhiteSpace(s[i + 1])) { i += 2; continue; } // continuation
            if (c == '\n') break;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var word = new StringBuilder();
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                c = s[i];
                if (c == '\'')
                {
                    int close = s.IndexOf('\'', i + 1);
                    word.Append(s, i + 1, close - i - 1);
                    i = close + 1;
                }
                else if (c == '"')
                {
                    i++;
                    while (s[i] != '"')
                    {
                        if (s[i] == '\\' && i + 1 < s.Length) i++;
                        word.Append(s[i++]);
                    }
                    i++;
                }
                else if (c == '\\' && i + 1 < s.Length) { word.Append(s[i + 1]); i += 2; }
                else { word.Append(c); i++; }
            }
            words.Add(word.ToString());
        }
        return words;
    }

    // ---- PHP, JavaScript, Python ----

    private static IEnumerable<SeedRequest> PhpRequests(string file, string text)
    {
        foreach (Match m in Regex.Matches(text, @"\$data\s*=\s*(?=\[)"))
        {
            var url = LastAssignedUrl(text, m.Index, @"\$url\s*=\s*'([^']+)'");
            if (url is null) continue;
            var (body, _) = SeedLiteralReader.Read(text, m.Index + m.Length);
            string? contentType = Regex.Match(text[m.Index..Math.Min(text.Length, m.Index + 2000)], @"Content-Type:\s*([^'""\]]+)") is { Success: true } ct
                ? ct.Groups[1].Value.Trim() : "application/x-www-form-urlencoded";
            yield return new SeedRequest(file, "php", m.Index, url, Array.Empty<KeyValuePair<string, string>>(), contentType, null, body);
        }
    }

    private static IEnumerable<SeedRequest> JavaScriptRequests(string file, string text)
    {
        foreach (Match m in Regex.Matches(text, @"fetch\(\s*'([^']+)'\s*,\s*(?=\{)"))
        {
            var (options, _) = SeedLiteralReader.Read(text, m.Index + m.Length);
            if (options is not JsonObject o || !o.TryGetPropertyValue("body", out var bodyExpression)
                || !SeedLiteralReader.IsExpression(bodyExpression, out string bodyText)) continue;
            var stringify = Regex.Match(bodyText, @"^JSON\.stringify\(\s*");
            if (!stringify.Success) continue;
            var (body, _) = SeedLiteralReader.Read(bodyText, stringify.Length);
            var headers = new List<KeyValuePair<string, string>>();
            if (o["headers"] is JsonObject h)
                foreach (var (key, value) in h) headers.Add(new(key, value?.ToString() ?? ""));
            string? contentType = headers.FirstOrDefault(x => x.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "text/plain;charset=UTF-8";
            headers.RemoveAll(x => x.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
            yield return new SeedRequest(file, "javascript", m.Index, new Uri(m.Groups[1].Value), headers, contentType, null, body);
        }
    }

    private static IEnumerable<SeedRequest> PythonRequests(string file, string text)
    {
        foreach (Match m in Regex.Matches(text, @"requests\.post\(\s*(\w+|'[^']+')\s*,\s*json\s*=\s*(?=\{)"))
        {
            string target = m.Groups[1].Value;
            Uri? url = target.StartsWith('\'')
                ? new Uri(target.Trim('\''))
                : LastAssignedUrl(text, m.Index, Regex.Escape(target) + @"\s*=\s*'([^']+)'");
            if (url is null) continue;
            var (body, _) = SeedLiteralReader.Read(text, m.Index + m.Length);
            // requests sends json= as application/json.
            yield return new SeedRequest(file, "python", m.Index, url, Array.Empty<KeyValuePair<string, string>>(), "application/json", null, body);
        }
    }

    private static Uri? LastAssignedUrl(string text, int before, string pattern)
    {
        var match = Regex.Matches(text[..before], pattern).LastOrDefault();
        return match is null ? null : new Uri(match.Groups[1].Value);
    }

    // ---- answers ----

    private static List<SeedAnswer> JsonAnswers(string text)
    {
        var answers = new List<SeedAnswer>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            int brace = lineStart;
            while (brace < lineEnd && text[brace] is ' ' or '\t') brace++;
            if (brace < lineEnd && text[brace] == '{' && BalancedEnd(text, brace) is int end)
            {
                try
                {
                    var json = JsonNode.Parse(text[brace..end]);
                    if (json is not null)
                    {
                        answers.Add(new SeedAnswer(brace, HeadingBefore(text, lineStart), json));
                        lineStart = end;
                        continue;
                    }
                }
                catch (JsonException)
                {
                    // Not strict JSON (the Wallet page's envelope sketches): not an answer to compare with.
                }
            }
            lineStart = lineEnd + 1;
        }
        return answers;
    }

    private static int? BalancedEnd(string s, int start)
    {
        int depth = 0;
        for (int i = start; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '"')
            {
                for (i++; i < s.Length && s[i] != '"'; i++) if (s[i] == '\\') i++;
                continue;
            }
            if (c is '{' or '[') depth++;
            else if (c is '}' or ']' && --depth == 0) return i + 1;
        }
        return null;
    }

    /// <summary>The nearest short line above (at most four words), skipping language tags.</summary>
    private static string HeadingBefore(string text, int lineStart)
    {
        var lines = text[..lineStart].Split('\n');
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || NotHeadings.Contains(line)) continue;
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4) return line;
        }
        return "";
    }
}
