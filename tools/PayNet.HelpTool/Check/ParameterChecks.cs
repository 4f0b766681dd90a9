using PayNet.HelpTool.Markdown;
using PayNet.HelpTool.Metadata;

namespace PayNet.HelpTool.Check;

/// <summary>Each "### -Name" and its yaml against the compiled parameter, set by set.</summary>
internal static class ParameterChecks
{
    public static void CheckParameters(CmdletInfo cmdlet, CommandHelpDocument document, Action<DriftKind, int, string> add)
    {
        var sectionHeading = document.Section(CommandHelpDocument.Parameters);
        var section = document.ParameterSection;
        int sectionLine = sectionHeading?.Line ?? 0;

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var documented in section.Parameters)
        {
            if (!seen.Add(documented.Name))
            {
                add(DriftKind.StaleParameter, documented.Line, $"-{documented.Name} is documented twice");
                continue;
            }
            var parameter = cmdlet.FindParameter(documented.Name);
            if (parameter is null)
            {
                add(DriftKind.StaleParameter, documented.Line, $"documents -{documented.Name}, which the cmdlet does not have");
                continue;
            }
            CheckParameter(cmdlet, parameter, documented, add);
        }
        foreach (var parameter in cmdlet.Parameters.Where(p => !seen.Contains(p.Name)))
            add(DriftKind.UndocumentedParameter, sectionLine, $"-{parameter.Name} is not documented");
    }

    private static void CheckParameter(CmdletInfo cmdlet, CmdletParameterInfo parameter, ParameterDoc documented, Action<DriftKind, int, string> add)
    {
        string name = "-" + parameter.Name;
        if (documented.Description.Trim().Length == 0)
            add(DriftKind.EmptyParameterDescription, documented.Line, $"{name} has no description");
        if (documented.Yaml.Count == 0)
        {
            add(DriftKind.MissingParameterYaml, documented.Line, $"{name} has no ```yaml block");
            return;
        }

        foreach (var yaml in documented.Yaml)
        {
            string? type = yaml.Type?.Trim();
            if (!string.Equals(type, parameter.TypeName, StringComparison.OrdinalIgnoreCase) && !string.Equals(type, parameter.FullTypeName, StringComparison.OrdinalIgnoreCase))
                add(DriftKind.TypeMismatch, yaml.Line, $"{name} Type is '{type ?? "(missing)"}', expected '{parameter.TypeName}'");
            if (yaml.AcceptsWildcards != parameter.SupportsWildcards)
                add(DriftKind.WildcardsMismatch, yaml.Line, $"{name} 'Accept wildcard characters' should be {(parameter.SupportsWildcards ? "True" : "False")}");
        }

        var firstLine = documented.Yaml[0].Line;
        var documentedAliases = documented.Yaml.SelectMany(y => y.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var alias in parameter.Aliases.Where(a => !documentedAliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
            add(DriftKind.UndocumentedAlias, firstLine, $"{name} alias '{alias}' is not documented");
        foreach (var alias in documentedAliases.Where(a => !parameter.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
            add(DriftKind.StaleAlias, firstLine, $"{name} documents alias '{alias}', which the parameter does not have");

        var documentedValues = documented.Yaml.SelectMany(y => y.AcceptedValues).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (!documentedValues.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(parameter.AcceptedValues))
            add(DriftKind.AcceptedValuesMismatch, firstLine,
                $"{name} 'Accepted values' is '{HelpDriftChecker.JoinNames(documentedValues)}', expected '{HelpDriftChecker.JoinNames(parameter.AcceptedValues)}'");

        CheckBindings(cmdlet, parameter, documented, add);
    }

    /// <summary>Required, Position and pipeline input, in every parameter set the parameter belongs to.</summary>
    private static void CheckBindings(CmdletInfo cmdlet, CmdletParameterInfo parameter, ParameterDoc documented, Action<DriftKind, int, string> add)
    {
        string name = "-" + parameter.Name;
        var allSets = cmdlet.ParameterSets.Select(s => s.Name).ToList();
        var bySet = new Dictionary<string, ParameterYaml>(StringComparer.OrdinalIgnoreCase);
        foreach (var yaml in documented.Yaml)
        {
            var sets = yaml.ParameterSets;
            if (sets is null)
            {
                // "(All)" in a multi-set cmdlet claims every set; in a one-set cmdlet it is that set.
                foreach (var set in allSets.Where(s => !bySet.ContainsKey(s))) bySet[set] = yaml;
                continue;
            }
            foreach (var set in sets)
            {
                bool known = allSets.Contains(set, StringComparer.OrdinalIgnoreCase)
                    || (cmdlet.HasSingleParameterSet && set.Equals(CmdletMetadataReader.AllParameterSets, StringComparison.OrdinalIgnoreCase));
                if (!known)
                {
                    add(DriftKind.ParameterSetMembershipMismatch, yaml.Line, $"{name} names parameter set '{set}', which the cmdlet does not have");
                    continue;
                }
                string key = cmdlet.HasSingleParameterSet ? allSets[0] : set;
                if (!bySet.TryAdd(key, yaml))
                    add(DriftKind.ParameterSetMembershipMismatch, yaml.Line, $"{name} has more than one yaml block for parameter set '{set}'");
            }
        }

        foreach (var set in allSets)
        {
            bool bound = parameter.Bindings.TryGetValue(set, out var binding);
            bool documentedInSet = bySet.TryGetValue(set, out var yaml);
            string inSet = cmdlet.HasSingleParameterSet ? "" : $" in set '{set}'";
            if (bound && !documentedInSet)
            {
                add(DriftKind.ParameterSetMembershipMismatch, documented.Yaml[0].Line, $"{name} belongs to parameter set '{set}', but no yaml block covers it");
                continue;
            }
            if (!bound && documentedInSet)
            {
                add(DriftKind.ParameterSetMembershipMismatch, yaml!.Line, $"{name} is documented in parameter set '{set}', but does not belong to it");
                continue;
            }
            if (!bound) continue;

            if (yaml!.IsRequired != binding!.Mandatory)
                add(DriftKind.RequiredMismatch, yaml.Line, $"{name} Required is '{yaml.Required ?? "(missing)"}'{inSet}, expected '{binding.RequiredText}'");
            if (!string.Equals(yaml.Position?.Trim(), binding.PositionText, StringComparison.OrdinalIgnoreCase))
                add(DriftKind.PositionMismatch, yaml.Line, $"{name} Position is '{yaml.Position ?? "(missing)"}'{inSet}, expected '{binding.PositionText}'");
            var pipeline = PipelineInput.Parse(yaml.PipelineInput);
            if (pipeline != (binding.ValueFromPipeline, binding.ValueFromPipelineByPropertyName))
                add(DriftKind.PipelineInputMismatch, yaml.Line, $"{name} 'Accept pipeline input' is '{yaml.PipelineInput ?? "(missing)"}'{inSet}, expected '{binding.PipelineInputText}'");
        }
    }
}
