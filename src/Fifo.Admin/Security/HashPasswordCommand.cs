using System.Text;

namespace Fifo.Admin.Security;

/// <summary>
/// <c>fifo-admin hash-password</c>: reads a password (typed without echo, or one line from a pipe) and prints the
/// hash to put into <c>Admin:PasswordHash</c>.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        if (interactive)
            error.Write("Password: ");
        var password = interactive ? ReadHidden() : input.ReadLine();
        if (interactive)
            error.WriteLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("hash-password: the password is empty.");
            return 2;
        }
        output.WriteLine(AdminCredentials.HashPassword(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                    text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        return text.ToString();
    }
}
