using System.Text.Json.Nodes;

namespace PayNet.Sandbox.Tests.Conformance;

/// <summary>
/// The page reader on pages written the other ways a provider writes samples, so a new seed page is read
/// without touching the test: other curl flags and quoting, nested PHP arrays and lists, JavaScript shorthand,
/// Python literals, and answers found under their headings.
/// </summary>
public sealed class SeedPageParsingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("paynet-seed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SeedPage Page(string text)
    {
        string path = Path.Combine(_dir, "900_test.txt");
        File.WriteAllText(path, text);
        return SeedPage.Load(path);
    }

    [Fact]
    public void Curl_with_data_raw_double_quotes_and_continuations_is_read_with_its_headers()
    {
        var page = Page("""
            Example
            curl -X POST "https://api.paynet.one/transaction/find" \
              -H 'Content-Type: application/json' -H "X-Extra: 1" \
              --data-raw "{\"external_transaction_id\": \"o-1\", \"auth\": {\"id\": 1}}"

            Response

            json
            {
              "transaction": { "id": "x", "state": 1 }
            }
            """);
        var request = Assert.Single(page.Requests);
        Assert.Equal(("curl", "/transaction/find", "application/json"), (request.Language, request.Url.AbsolutePath, request.ContentType));
        Assert.Equal("X-Extra", Assert.Single(request.Headers).Key);
        Assert.Equal("o-1", request.Body!["external_transaction_id"]!.GetValue<string>());
        var answer = page.AnswerFor(request)!;
        Assert.Equal("Response", answer.Heading);
        Assert.Equal(1, answer.Json["transaction"]!["state"]!.GetValue<int>());
    }

    [Fact]
    public void A_curl_data_body_without_content_type_goes_as_a_form_like_curl_sends_it()
    {
        var page = Page("""1 2 3 curl --location 'https://gateway.paynet.systems/api/payments/member-payment' \ --header 'apikey: {{secret}}' \ --data '{ "amount": 20 }'""");
        var request = Assert.Single(page.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("""{ "amount": 20 }""", request.RawBody);
        Assert.Equal("/wallet/api/payments/member-payment", SeedReplayer.SandboxPath(request.Url));
    }

    [Fact]
    public void Php_arrays_nest_maps_and_lists_and_keep_computed_values_as_expressions()
    {
        var page = Page("""
            <?php
            $url = 'https://API-ENDPOINT/transaction/check';
            $data = [
                'auth' => ['id' => 123, 'key' => $key, 'hash' => md5(123 . $token . $key)],
                'fields' => ['amount' => 100.50, 'tags' => ['a', "b"], 'ok' => true, 'none' => null],
            ];
            """);
        var body = Assert.Single(page.Requests).Body!;
        Assert.Equal(100.50m, body["fields"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(new[] { "a", "b" }, body["fields"]!["tags"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(body["fields"]!["ok"]!.GetValue<bool>());
        Assert.Null(body["fields"]!["none"]);
        Assert.True(SeedLiteralReader.IsExpression(body["auth"]!["hash"], out string hash));
        Assert.Equal("md5(123 . $token . $key)", hash);
    }

    [Fact]
    public void JavaScript_shorthand_and_Python_literals_are_read()
    {
        var page = Page("""
            const response = await fetch('https://API-ENDPOINT/transaction/confirm', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ auth: { id: 123, key, hash }, transaction_id: 'a-b', note: `x${y}` })
            });
            url = 'https://API-ENDPOINT/transaction/confirm'
            response = requests.post(url, json={'auth': {'id': 123, 'key': key}, 'simulation': True, 'extra': None, "n": -2})
            """);
        Assert.Equal(2, page.Requests.Count);
        var js = page.Requests[0];
        Assert.Equal(("javascript", "application/json"), (js.Language, js.ContentType));
        Assert.True(SeedLiteralReader.IsExpression(js.Body!["auth"]!["key"], out string key));
        Assert.Equal("key", key);
        Assert.True(SeedLiteralReader.IsExpression(js.Body!["note"], out _));
        var py = page.Requests[1];
        Assert.Equal("python", py.Language);
        Assert.True(py.Body!["simulation"]!.GetValue<bool>());
        Assert.Null(py.Body!["extra"]);
        Assert.Equal(-2, py.Body!["n"]!.GetValue<int>());
    }

    [Fact]
    public void Answers_that_are_not_strict_json_are_not_taken_and_headings_skip_language_tags()
    {
        var page = Page("""
            JSON
            {
            status: true
            }

            Pending

            If the transaction is still processing:

            json
            { "transaction": { "state": 0 } }
            """);
        var answer = Assert.Single(page.Answers);
        Assert.Equal("Pending", answer.Heading);
    }

    [Fact]
    public void Shapes_compare_kinds_recursively_and_arrays_by_their_first_element()
    {
        var seed = JsonNode.Parse("""{ "a": 1, "b": [ { "c": "x" } ], "d": [], "e": {} }""");
        Assert.Empty(JsonShape.Covers(seed, JsonNode.Parse("""{ "a": 2.5, "b": [ { "c": "y", "z": 1 } ], "d": [1], "e": { "q": 1 }, "f": 0 }""")));
        Assert.Contains("$.a: the seed shows number, the answer has string", JsonShape.Covers(seed, JsonNode.Parse("""{ "a": "1", "b": [ { "c": "y" } ], "d": [], "e": {} }""")));
        Assert.Contains("$.b: the seed shows items, the answer has none", JsonShape.Covers(seed, JsonNode.Parse("""{ "a": 1, "b": [], "d": [], "e": {} }""")));
        Assert.Contains("$.e.q: not in the seed", JsonShape.Same(seed, JsonNode.Parse("""{ "a": 1, "b": [ { "c": "y" } ], "d": [], "e": { "q": 1 } }""")));
        Assert.Contains("$.b[1].c: missing (the seed shows string)", JsonShape.Covers(seed, JsonNode.Parse("""{ "a": 1, "b": [ { "c": "y" }, {} ], "d": [], "e": {} }""")));
    }

    [Fact]
    public void The_seed_directory_comes_from_PAYNET_SEEDS_first_then_beside_the_repository_then_the_fallback()
    {
        var candidates = SeedLocator.Candidates(_dir).ToList();
        Assert.Equal(_dir, candidates[0]);
        Assert.Equal(SeedLocator.Fallback, candidates[^1]);
        Assert.Contains(candidates, c => c.EndsWith(Path.Combine("shared", "seeds"), StringComparison.Ordinal) && c != SeedLocator.Fallback);
        Assert.DoesNotContain(_dir, SeedLocator.Candidates(null));
    }
}
