using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>One sandbox for the conformance tests; every sample starts from a fresh seed (/__sandbox/reset).</summary>
public sealed class SeedSandboxFixture : IAsyncLifetime
{
    public SandboxServer Sandbox { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() => Sandbox = await SandboxServer.StartAsync();

    public async Task ResetAsync()
    {
        using var response = await Http.PostAsync(new Uri(Sandbox.RootUri, "/__sandbox/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>
/// Issue 19: every sample request in the providers' pages (../shared/seeds), sent unchanged apart from the
/// endpoint and the credentials, gets from the sandbox an answer of the shape the page shows for it. The
/// requests are found by reading the pages, so a new page is covered without touching this file.
/// </summary>
public sealed class SeedConformanceTests : IClassFixture<SeedSandboxFixture>
{
    private const string NoSeeds = "(no seed directory found)";
    private readonly SeedSandboxFixture _fixture;
    private readonly ITestOutputHelper _output;

    public SeedConformanceTests(SeedSandboxFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    /// <summary>"file#n": the n-th sample request of a page, in page order.</summary>
    public static IEnumerable<object[]> Samples()
    {
        string? directory = SeedLocator.Find();
        if (directory is null)
        {
            yield return new object[] { NoSeeds };
            yield break;
        }
        foreach (string page in SeedLocator.Pages(directory))
        {
            var parsed = SeedPage.Load(page);
            for (int i = 0; i < parsed.Requests.Count; i++) yield return new object[] { $"{parsed.File}#{i}" };
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_seed_sample_request_gets_an_answer_of_the_shape_the_seed_shows(string sample)
    {
        Assert.True(sample != NoSeeds, SeedLocatorMessage());
        string directory = SeedLocator.Require();
        int hash = sample.LastIndexOf('#');
        var page = SeedPage.Load(Path.Combine(directory, sample[..hash]));
        var request = page.Requests[int.Parse(sample[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture)];
        var expected = page.AnswerFor(request);
        Assert.True(expected is not null, $"{request.Describe()}: the page shows no JSON answer after the request");

        await _fixture.ResetAsync();
        var reply = await new SeedReplayer(_fixture.Sandbox, _fixture.Http).SendAsync(request);
        _output.WriteLine($"{request.Describe()} ({request.ContentType})\n  sent: {reply.SentBody}\n  got HTTP {(int)reply.Status}: {reply.Body}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.Json is not null, $"{request.Describe()}: the answer is not JSON: {reply.Body}");
        var problems = JsonShape.Covers(expected!.Json, reply.Json);
        foreach (string extra in JsonShape.Extras(expected.Json, reply.Json)) _output.WriteLine("  extra: " + extra);
        Assert.True(problems.Count == 0,
            $"{request.Describe()}: the answer's shape differs from the page's '{expected.Heading}' answer:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_seed_pages_are_found_and_every_documented_sample_is_read()
    {
        string directory = SeedLocator.Find() ?? throw new Xunit.Sdk.XunitException(SeedLocatorMessage());
        var pages = SeedLocator.Pages(directory).Select(SeedPage.Load).ToList();
        var requests = pages.SelectMany(p => p.Requests).ToList();
        foreach (var r in requests) _output.WriteLine(r.Describe());

        // What the five pages of issue 19 hold; a new page can only add to it.
        Assert.True(requests.Count(r => SeedReplayer.ApiOf(r.Url) == SeedApi.Wallet && r.Language == "curl") >= 12, "the Wallet page's 12 curl samples");
        foreach (string language in new[] { "curl", "php", "javascript", "python" })
            Assert.True(requests.Count(r => SeedReplayer.ApiOf(r.Url) == SeedApi.TopUp && r.Language == language) >= 3,
                $"a {language} sample on each of the three TopUp pages");
        foreach (var page in pages)
            foreach (var request in page.Requests)
                Assert.True(page.AnswerFor(request) is not null, $"{request.Describe()} has an answer on its page");
    }

    private static string SeedLocatorMessage() =>
        "No seed pages found; looked in: " + string.Join(", ", SeedLocator.Candidates()) +
        $". CI keeps them in ../shared/seeds beside the checkout; elsewhere set {SeedLocator.EnvironmentVariable}.";
}
