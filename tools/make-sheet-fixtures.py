#!/usr/bin/env python3
"""Writes the spreadsheet files the E2E tests and the benchmark import (e2e/fixtures/sheets/).

They are committed, so neither CI nor the benchmark needs this script or openpyxl; run it
again (`pip install openpyxl; python3 tools/make-sheet-fixtures.py`) only to change them.
openpyxl is an independent writer of the .xlsx format (as Excel is), so the app's reader is
tested on files it did not write itself.

- yoshiki1.xlsx: the paper 様式1 layout (a title row, the 地域の概況 block of labels, values
  and units as in the seed, group headings merged over two rows, notes in the headings), the
  seed's 例1 and 例2, then 30 patients; a 様式3 sheet with three stations; a memo sheet with
  no table. Onsets are Excel dates, 介護度 in words.
- yoshiki1-cp932.csv: the same 30 patients as Japanese Excel saves 「CSV (コンマ区切り)」
  (Shift_JIS, CRLF), with an ID番号 column, 和暦 onsets and codes.
- yoshiki1-errors.csv: five patients, two with errors (年齢 200, 人工呼吸器 たぶん) and one
  repeating an ID番号.
- bench-1000.xlsx / bench-1000-cp932.csv: 1,000 patients for `npm run bench`.
- expected.json: the figures the E2E test checks after importing the 30 patients.
"""
import csv
import datetime
import io
import json
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment

OUT = os.path.join(os.path.dirname(__file__), '..', 'e2e', 'fixtures', 'sheets')

# (group, heading) in the paper form's order; group None = one heading over both rows.
COLUMNS = [
    (None, '番号'), (None, '住所'), (None, '氏名'), (None, '発症時期'), (None, '初発症状'),
    (None, '年齢\n実年齢または\n区分コード'), (None, 'ADL'),
    ('医療処置管理', '人工呼吸器'), ('医療処置管理', '気管切開'), ('医療処置管理', '吸引'),
    ('医療処置管理', '経管栄養'), ('医療処置管理', 'その他'),
    (None, '使用医療機器'),
    ('特定症状', '呼吸障害'), ('特定症状', '嚥下障害'), ('特定症状', '構音障害'),
    ('特定症状', '排尿障害'), ('特定症状', '自律神経障害'),
    ('神経内科専門医療機関', '機関名\n・なしは0\n・不明は空白'), ('神経内科専門医療機関', '受診形態\n1.外来\n2.往診\n0.なし'),
    ('神経内科専門医療機関', '頻度\n(回/\n月)'),
    ('かかりつけ主治医', '機関名\n・なしは0\n・不明は空白'), ('かかりつけ主治医', '受診形態'), ('かかりつけ主治医', '頻度\n(回/月)'),
    (None, '緊急時の入院機関'), (None, 'レスパイトの入院・入所機関'), (None, '在宅でのレスパイト\n※３'),
    (None, '緊急時の訪問看護'),
    ('訪問看護ステーション', '機関名'), ('訪問看護ステーション', '利用機関数'),
    ('訪問看護ステーション', '1週間\nの\n合計\n訪問回数\n(回)'),
    ('医療機関からの訪問看護', '機関名'), ('医療機関からの訪問看護', '1週間の合計訪問回数（回）'),
    ('在宅人工呼吸器使\n用患者支援事業\n(訪問看護)', '利用\n1.有\n0.無'),
    ('在宅人工呼吸器使\n用患者支援事業\n(訪問看護)', '1週間の\n訪問回\n数のう\nち、事業\nによる訪\n問回数\n（回）'),
    (None, '一週間の合計訪問看護利用回数\n入力しない'),
    (None, '介護保険\n（介護度）'), (None, '身体障害者手帳\n（級）'), (None, '障害支援区分'),
    (None, '障害者総合支援法による居宅介護'), (None, '災害時個別支援計画'), (None, '最終把握時期'),
    (None, '支援管理区分'),
]

EXAMPLES = [
    ['例1', '○市', '○○○○', '2002年', '話にくくなった', 3, 2, 0, 0, 0, 0, 0, '', 1, 1, 1, 1, 1,
     '県立Ａ病院', 1, 1, 0, 0, '', 0, 0, '療養通所介護に通所', 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 5, 1, 1,
     '○年△月□日訪問', ''],
    ['例2', 'A市', '△△　△', '2005年', '右手に力が入らなくなった', 4, 3, 1, 1, 1, 1, 1,
     'ABC900（O呼吸器会社）、A吸引ﾕﾆｯﾄ', 1, 1, 1, 1, 1, 'Ｂ大学病院', 1, 0.5, 'Ａクリニック', 2, 4,
     'Ｂ大学病院', 0, '医療保険と難病事業の訪問看護を連続。3時間の長時間滞在看護実施', 'Ａｽﾃｰｼｮﾝ',
     'Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ', 2, 2, 'Ａ病院', 3, 1, 1, 5, 5, 1, 6, 1, '', 'ｽﾃｰｼｮﾝと○年△月連絡をとる', ''],
]


def patient(i, excel=True):
    """Patient i (1-based) as the 43 paper cells; `excel`: dates and words as a nurse types
    them in Excel, else codes and 和暦 as in a CSV."""
    vent = 1 if i % 4 == 0 else 0
    two = i % 6 == 0
    station_weekly = 3 if two else 2
    inst_weekly = 0.5 if i % 10 == 0 else 0
    year, month = 2015 + i % 8, 1 + i % 12
    if excel:
        onset = datetime.datetime(year, month, 1)
    else:
        onset = f'平成{year - 1988}年{month}月' if year < 2019 else f'{year}/{month}'
    care = 1 + i % 5
    return [
        i, ['A市', 'B町', 'C村'][i % 3], f'療養者{i:02d}', onset, ['話しにくい', '右手の脱力', '歩きにくい'][i % 3],
        50 + i % 40, 1 + i % 3,
        vent, 1 if i % 8 == 0 else 0, 1 if i % 3 == 0 else 0, 1 if i % 3 == 0 else 0, 0,
        'NIP' if vent else '',
        i % 2, 1 if i % 3 == 0 else 0, 1 if i % 3 == 0 else 0, 0, '',
        '県立Ａ病院' if i % 2 else 'Ｂ大学病院', 1, 1,
        0 if i % 5 == 0 else 'Ｃクリニック', 0 if i % 5 == 0 else 2, '' if i % 5 == 0 else 2,
        'Ｂ大学病院', 0, '', 'Ａｽﾃｰｼｮﾝ',
        'Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ' if two else 'Ａｽﾃｰｼｮﾝ', 2 if two else 1, station_weekly,
        'Ａ病院' if inst_weekly else 0, inst_weekly,
        vent, 1 if vent else 0,
        station_weekly + inst_weekly,
        f'要介護{care}' if excel else care, '1級' if vent and excel else (1 if vent else ''), 6 if vent else '',
        i % 2, 2024 if vent else '', f'2025年{1 + i % 12}月訪問', 'A' if vent else 'B',
    ]


def expected(n):
    ps = [patient(i) for i in range(1, n + 1)]
    return {
        'patients': n,
        'ventilator': sum(p[7] for p in ps),
        'tracheostomy': sum(p[8] for p in ps),
        'municipalities': sorted({p[1] for p in ps}),
        'first_id': '1',
        'population': '123456',
        'area': '456.78',
    }


# The seed's 地域の概況 block (labels, values, units), above the table.
HEADER = [
    ['地区名', '○○保健所管内', '', '難病診療連携拠点病院', '都道府県内', 1, 'ヵ所'],
    ['人　　口', 123456, '人', '難病診療分野別拠点病院', '都道府県内', 2, 'ヵ所'],
    ['面　　積', 456.78, 'Km2', '難病医療協力病院', '管内', 3, 'ヵ所', '都道府県内', 20, 'ヵ所'],
    ['指定難病認定者数', 1200, '人', '難病指定医数', '管内', 45, 'ヵ所'],
    ['療養者数', 'ＡＬＳ', 32, '人', '在宅療養支援診療所', '管内', 30, 'ヵ所'],
    ['(認定者）', 'ＳＣＤ', 20, '人', '訪問看護ステーション数', '管内', 15, 'ヵ所'],
    ['', 'MSA', 5, '人'],
    ['', 'ＰＤ', 150, '人'],
]
# Sheet rows (1-based) of the table's two heading rows when the header block is there.
HEAD = 12


def write_xlsx(path, n, with_extras):
    wb = Workbook()
    ws = wb.active
    ws.title = '様式1'
    ws.cell(1, 1, '様式１　在宅療養中のALS患者の状況（○○保健所管内）')
    wrap = Alignment(wrap_text=True, vertical='center')
    head = HEAD if with_extras else 3
    if with_extras:
        for r, values in enumerate(HEADER, start=3):
            for k, v in enumerate(values, start=1):
                if v != '':
                    ws.cell(r, k, v)
    c = 1
    while c <= len(COLUMNS):
        group, heading = COLUMNS[c - 1]
        if group is None:
            ws.cell(head, c, heading).alignment = wrap
            ws.merge_cells(start_row=head, start_column=c, end_row=head + 1, end_column=c)
            c += 1
            continue
        span = 1
        while c + span <= len(COLUMNS) and COLUMNS[c + span - 1][0] == group:
            span += 1
        ws.cell(head, c, group).alignment = wrap
        if span > 1:
            ws.merge_cells(start_row=head, start_column=c, end_row=head, end_column=c + span - 1)
        for k in range(span):
            ws.cell(head + 1, c + k, COLUMNS[c + k - 1][1]).alignment = wrap
        c += span
    rows = (EXAMPLES if with_extras else []) + [patient(i) for i in range(1, n + 1)]
    for r, values in enumerate(rows, start=head + 2):
        for k, v in enumerate(values, start=1):
            if v != '':
                cell = ws.cell(r, k, v)
                if isinstance(v, datetime.datetime):
                    cell.number_format = 'yyyy"年"m"月"'
    if with_extras:
        st = wb.create_sheet('様式3')
        heads = ['（1）名称', '（2）所在地', '（3）看護師の常勤換算', '（4）平均的な1ヶ月の実利用者数',
                 '（5）（4）のうち医療保険利用者数', '（6）訪問数を増加する余裕', '（7）医療保険加算届出\n1.24時間 2.特別管理 0.なし',
                 '（8）ALS患者の訪問看護実績', '（9）人工呼吸器使用患者(NPPV、TPPV 含む）の訪問看護実績',
                 '（10）ALS患者の今後の受け入れ', '（11）重心児（重症心身障害児）の今後の受け入れ']
        for k, h in enumerate(heads, start=1):
            st.cell(1, k, h)
        for r, row in enumerate([['Ａｽﾃｰｼｮﾝ', 'A市1-1', 3.5, 40, 12, 1, '1,2', 1, 1, 2, 1],
                                 ['Ｂｽﾃｰｼｮﾝ', 'B町2-2', 2.5, 25, 8, 0, 1, 1, 0, 1, 0],
                                 ['Ｃ訪問看護', 'C村3-3', 5, 60, 20, 1, 0, 0, 0, 0, 0]], start=2):
            for k, v in enumerate(row, start=1):
                st.cell(r, k, v)
        wb.create_sheet('メモ').cell(1, 1, '令和7年度の見直しは9月に行う')
    wb.save(path)


def write_csv(path, rows, header):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\r\n')
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, 'wb') as f:
        f.write(buf.getvalue().encode('cp932'))


def csv_header():
    head = []
    for group, heading in COLUMNS:
        text = heading.split('\n')[0]
        head.append(f'{group.split(chr(10))[0]}{text}' if group and '在宅人工' not in group else
                    (f'在宅人工呼吸器使用患者支援事業 {text}' if group else text))
    return head + ['ID番号']


def main():
    os.makedirs(OUT, exist_ok=True)
    write_xlsx(os.path.join(OUT, 'yoshiki1.xlsx'), 30, True)
    write_xlsx(os.path.join(OUT, 'bench-1000.xlsx'), 1000, False)
    rows = [patient(i, excel=False) + [f'K-{i:03d}'] for i in range(1, 31)]
    write_csv(os.path.join(OUT, 'yoshiki1-cp932.csv'), rows, csv_header())
    bench = [patient(i, excel=False) + [f'K-{i:04d}'] for i in range(1, 1001)]
    write_csv(os.path.join(OUT, 'bench-1000-cp932.csv'), bench, csv_header())
    errors = [patient(i, excel=False) + [f'E-{i:03d}'] for i in range(1, 6)]
    errors[1][5] = 200
    errors[2][7] = 'たぶん'
    errors[4][-1] = 'E-001'
    write_csv(os.path.join(OUT, 'yoshiki1-errors.csv'), errors, csv_header())
    with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected(30), f, ensure_ascii=False, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main()
