using System.Text;
using PayNet.Core.Tests.Support;
using PayNet.Core.Wallet;

namespace PayNet.Core.Tests.Wallet;

public sealed class WalletSessionTests
{
    private const string Accounts = """
        { "status": true, "payload": { "MemberAccounts": [ { "id": "1001", "isDefault": "true", "type": { "id": 4, "name": "Customer Wallet", "currency": { "id": 1, "symbol": "$", "name": "USD" } } } ] } }
        """;
    private const string Status = """{ "status": true, "payload": { "AccountStatus": { "balance": "1000.00", "availableBalance": 990.00, "reservedAmount": "10", "creditLimit": 0 } } }""";

    [Fact]
    public async Task Login_sends_basic_auth_and_apikey_and_parses_the_documented_initial_data()
    {
        using var kit = new WalletTestKit().WithLogin();

        var data = await kit.Client.LoginAsync();

        Assert.Equal(101, data.MemberId);
        Assert.Equal("Alice Mensah", data.Name);
        Assert.Equal("233200000001", data.Username);
        Assert.True(data.RequireTransactionPassword);
        Assert.True(data.CanMakeMemberPayments);
        Assert.Equal(1001, data.DefaultAccountId);
        Assert.Equal(1, data.AccountCount);
        Assert.Equal("GHS", data.Currency);
        Assert.Equal("Customers", data.GroupName);
        Assert.True(kit.Client.IsLoggedIn);

        var login = Assert.Single(kit.Fake.Requests);
        Assert.Equal(HttpMethod.Post, login.Method);
        Assert.Equal("/api/access/login", login.Path);
        Assert.Equal(WalletTestKit.ApiKey, login.Header("apikey"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WalletTestKit.Principal}:{WalletTestKit.Pin}")), login.Header("Authorization"));
        Assert.Equal("SESSION", WalletTestKit.Body(login).GetProperty("authType").GetString());
        Assert.Null(login.Header("Paynet-Session-Token"));
    }

    [Fact]
    public async Task The_first_call_logs_in_lazily_and_later_calls_carry_the_session_token()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", Accounts).OnJson("/accounts/1001/status", Status);

        var balance = await kit.Client.GetBalanceAsync();

        Assert.Equal(1000.00m, balance.Balance);
        Assert.Equal(990.00m, balance.AvailableBalance);
        Assert.Equal(10m, balance.ReservedAmount);
        Assert.Equal("USD", balance.Currency);
        Assert.True(balance.IsDefault);
        var paths = kit.Fake.Requests.Select(r => r.Path).ToArray();
        Assert.Equal(new[] { "/api/access/login", "/api/accounts", "/api/accounts/1001/status" }, paths);
        Assert.All(kit.Fake.Requests.Skip(1), r =>
        {
            Assert.Equal("token-01-abcdef", r.Header("Paynet-Session-Token"));
            Assert.Equal(WalletTestKit.ApiKey, r.Header("apikey"));
        });
    }

    [Theory]
    [InlineData(401, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(200, false)]
    public async Task A_body_that_says_sessionExpired_renews_the_session_and_replays_the_request_once(int httpStatus, bool sandboxShape)
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", sandboxShape ? WalletSpecExamples.SessionExpiredSandbox : WalletSpecExamples.SessionExpiredDoc, httpStatus, times: 1)
            .OnJson("/accounts", Accounts)
            .OnJson("/accounts/1001/status", Status);

        var balance = await kit.Client.GetBalanceAsync();

        Assert.Equal(1000.00m, balance.Balance);
        var accountCalls = kit.Fake.To("/accounts");
        Assert.Equal(2, accountCalls.Count);
        Assert.Equal("token-01-abcdef", accountCalls[0].Header("Paynet-Session-Token"));
        Assert.Equal("token-02-abcdef", accountCalls[1].Header("Paynet-Session-Token"));
        Assert.Equal(2, kit.Fake.To("/access/login").Count);
    }

    [Fact]
    public async Task A_request_is_replayed_at_most_once_and_then_fails_as_an_authentication_error()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", WalletSpecExamples.SessionExpiredSandbox, 401);

        var error = await Assert.ThrowsAsync<PayNetException>(() => kit.Client.GetWalletsAsync());

        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Equal("SESSION_EXPIRED", error.ProviderCode);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal(2, kit.Fake.To("/accounts").Count);
    }

    [Fact]
    public async Task Other_failures_are_not_replayed_and_a_bad_apikey_is_an_authentication_error()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", WalletSpecExamples.Failure("INVALID_API_KEY", "Invalid API key"), 401);

        var error = await Assert.ThrowsAsync<PayNetException>(() => kit.Client.GetWalletsAsync());

        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Single(kit.Fake.To("/accounts"));
        Assert.Single(kit.Fake.To("/access/login"));
    }

    [Fact]
    public async Task Wrong_credentials_at_login_surface_as_authentication_errors_without_a_second_try()
    {
        using var kit = new WalletTestKit();
        kit.Fake.OnJson("/access/login", WalletSpecExamples.Failure("INVALID_CREDENTIALS", "Invalid username or PIN"), 401);

        var error = await Assert.ThrowsAsync<PayNetException>(() => kit.Client.GetWalletsAsync());

        Assert.Equal(PayNetErrorCategory.Authentication, error.Category);
        Assert.Equal("Login", error.Operation);
        Assert.Equal("INVALID_CREDENTIALS", error.ProviderCode);
        Assert.Single(kit.Fake.Requests);
        Assert.False(kit.Client.IsLoggedIn);
    }

    [Fact]
    public async Task Logout_ends_the_session_and_the_next_call_signs_in_again()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/access/logout", """{ "status": true, "sessionExpired": false }""").OnJson("/accounts", Accounts)
            .OnJson("/accounts/1001/status", Status);

        await kit.Client.LoginAsync();
        await kit.Client.LogoutAsync();
        Assert.False(kit.Client.IsLoggedIn);
        Assert.Equal("token-01-abcdef", kit.Fake.To("/access/logout")[0].Header("Paynet-Session-Token"));

        await kit.Client.GetWalletsAsync();
        Assert.Equal("token-02-abcdef", kit.Fake.To("/accounts")[0].Header("Paynet-Session-Token"));
    }

    [Fact]
    public async Task Calls_are_counted_per_day_including_logins_and_replays()
    {
        using var kit = new WalletTestKit().WithLogin();
        kit.Fake.OnJson("/accounts", WalletSpecExamples.SessionExpiredSandbox, 401, times: 1).OnJson("/accounts", Accounts)
            .OnJson("/accounts/1001/status", Status);

        Assert.Equal(0, kit.Client.CallsToday);
        var wallets = await kit.Client.GetWalletsAsync();

        Assert.Equal(990.00m, Assert.Single(wallets).AvailableBalance);
        Assert.Equal(5, kit.Fake.Requests.Count); // login, accounts (expired), login, accounts, status

        Assert.Equal(kit.Fake.Requests.Count, kit.Client.CallsToday);
        Assert.Equal(2000, kit.Client.DailyCallBudget);
    }
}
