"""Writes bench/themes/eval-set.jsonl from sentences.py: fictional comments with gold themes.

Every comment is written as a customer would write it (typos, inflection and mixed languages are
in the sentences themselves). A fixed share also gets a salutation, a sign-off or a masked phone
number or address, as real exports carry them; the seed is fixed so the file is reproducible.
"""
import json, random, os
from sentences import S, MIXED
rng = random.Random(17)
PREFIX = {'da': ['Hej. ', 'Hej, ', 'Desværre: ', ''], 'en': ['Hi, ', 'Hello. ', 'Unfortunately ', '']}
SUFFIX = {'da': [' Mvh Anna', ' Ring på [phone]', ' Skriv til [e-mail]', '!', ' :('], 'en': [' Regards, Tom', ' Call me on [phone]', ' Email [e-mail]', '!!', ' :(']}
rows = []
for theme, by_language in S.items():
    for language, sentences in by_language.items():
        for number, text in enumerate(sentences, 1):
            if theme != 'noise' and rng.random() < 0.25:
                text = rng.choice(PREFIX[language]) + text[0].lower() + text[1:] if rng.random() < 0.5 else text + rng.choice(SUFFIX[language])
            rows.append({'id': f'{language}-{theme}-{number:02d}', 'text': text, 'language': language, 'gold': theme})
for number, (theme, text) in enumerate(MIXED, 1):
    rows.append({'id': f'mix-{theme}-{number:02d}', 'text': text, 'language': 'da', 'gold': theme, 'mixed': True})
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'eval-set.jsonl'), 'w', encoding='utf-8') as out:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(rows))
