using System.Text;
using PayNet.HelpTool.Metadata;

namespace PayNet.HelpTool.Update;

/// <summary>The SYNTAX lines PlatyPS 0.14 writes: wrapped before 110 columns, continuation lines start with a space.</summary>
public static class SyntaxFormatter
{
    public const int MaxWidth = 110;

    public static string Format(CmdletInfo cmdlet, ParameterSetInfo set)
    {
        var pieces = set.Parameters.Select(p => Piece(p, p.Bindings[set.Name])).Append("[<CommonParameters>]");
        var sb = new StringBuilder(cmdlet.Name);
        int lineStart = 0;
        foreach (var piece in pieces)
        {
            if (sb.Length - lineStart + piece.Length > MaxWidth)
            {
                sb.Append('\n');
                lineStart = sb.Length;
            }
            sb.Append(' ').Append(piece);
        }
        return sb.ToString();
    }

    /// <summary>"[-Switch]", "-Name &lt;String&gt;", "[[-Name] &lt;String&gt;]"... as Get-Command -Syntax shows them.</summary>
    public static string Piece(CmdletParameterInfo parameter, ParameterSetBinding binding)
    {
        if (parameter.IsSwitch) return $"[-{parameter.Name}]";
        string name = binding.Position is null ? $"-{parameter.Name}" : $"[-{parameter.Name}]";
        string piece = $"{name} <{parameter.TypeName}>";
        return binding.Mandatory ? piece : $"[{piece}]";
    }

    /// <summary>Whitespace-insensitive form, so re-wrapping a syntax block is not drift.</summary>
    public static string Normalize(string syntax) =>
        string.Join(' ', syntax.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
