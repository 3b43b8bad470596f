using Microsoft.AspNetCore.Authorization;

namespace Fifo.Admin.Security;

/// <summary>The fallback policy of every page and the hub: a logged-in user, or no login needed (see <see cref="AdminAccess"/>).</summary>
public sealed class AdminAccessRequirement : IAuthorizationRequirement;
