using System;
using System.Collections.Generic;
using System.Linq;

namespace PayNet.Core.TopUp
{
    /// <summary>
    /// PayNet's receipt for a successful top-up (topup.md §5.6: "receipt data for printing/display"), exactly
    /// as PayNet sent it: six strings whose lines are separated by "\n". The client never writes receipt text
    /// of its own; <see cref="Text"/> only lays PayNet's six fields out for printing or e-mailing.
    /// </summary>
    public sealed class TopUpReceipt
    {
        /// <summary>Operator or product family ("Etisalat", "International Recharge").</summary>
        public string Header { get; set; } = string.Empty;

        /// <summary>Product or provider ("Wasel Prepaid", "MTNL").</summary>
        public string Subheader { get; set; } = string.Empty;

        /// <summary>Lines such as country, provider, account, amount, terminal.</summary>
        public string Info { get; set; } = string.Empty;

        public string Instruction { get; set; } = string.Empty;

        public string Promo { get; set; } = string.Empty;

        /// <summary>Customer service and receipt number.</summary>
        public string Footer { get; set; } = string.Empty;

        /// <summary>True when PayNet sent none of the six fields (a pending answer's <c>{}</c>).</summary>
        public bool IsEmpty => Fields().All(string.IsNullOrEmpty);

        /// <summary>
        /// The receipt as plain text, one block per non-empty field in PayNet's order (header, subheader,
        /// info, instruction, promo, footer), blocks separated by a blank line, PayNet's "\n" line breaks
        /// normalised to <see cref="Environment.NewLine"/>.
        /// </summary>
        public string Text
        {
            get
            {
                var blocks = new List<string>();
                string heading = string.Join(Environment.NewLine, new[] { Header, Subheader }.Where(s => !string.IsNullOrEmpty(s)).Select(Lines));
                if (heading.Length > 0) blocks.Add(heading);
                foreach (string block in new[] { Info, Instruction, Promo, Footer })
                    if (!string.IsNullOrEmpty(block)) blocks.Add(Lines(block));
                return string.Join(Environment.NewLine + Environment.NewLine, blocks);
            }
        }

        public override string ToString() => Text;

        private IEnumerable<string> Fields() => new[] { Header, Subheader, Info, Instruction, Promo, Footer };

        private static string Lines(string field) =>
            field.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n').Replace("\n", Environment.NewLine);
    }
}
