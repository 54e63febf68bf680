"""The sample fifth-grade mathematics workbook: lessons written by hand, exercises computed from seeded numbers."""

from fractions import Fraction
from math import lcm

from .model import Book, Chapter, FractionBars, Heading, Items, Note, Paragraph, Table
from .numbers import decimal, fraction, fraction_text, grouped, pesos, simplest, words
from .practice import pick, rounds

# A sentence that only page EQUIVALENT_FRACTIONS_PAGE of this book holds (tests search for it).
EQUIVALENT_FRACTIONS_SENTENCE = (
    "Dos fracciones son equivalentes cuando representan la misma parte de un todo, aunque se escriban "
    "con números distintos."
)

PLACES = [
    "unidades",
    "decenas",
    "centenas",
    "unidades de millar",
    "decenas de millar",
    "centenas de millar",
    "unidades de millón",
]
DENOMINATOR_NAMES = {
    2: ("medio", "medios"),
    3: ("tercio", "tercios"),
    4: ("cuarto", "cuartos"),
    5: ("quinto", "quintos"),
    6: ("sexto", "sextos"),
    7: ("séptimo", "séptimos"),
    8: ("octavo", "octavos"),
    9: ("noveno", "novenos"),
    10: ("décimo", "décimos"),
    11: ("onceavo", "onceavos"),
    12: ("doceavo", "doceavos"),
}
NAMES = [
    "Ana",
    "Tomás",
    "Lucía",
    "Mateo",
    "Ximena",
    "Diego",
    "Valeria",
    "Emiliano",
    "Renata",
    "Santiago",
    "Itzel",
    "Joaquín",
    "Camila",
    "Uriel",
    "Fernanda",
    "Iker",
    "Paola",
    "Emilio",
    "Guadalupe",
    "Yael",
]


def fraction_words(numerator, denominator):
    singular, plural = DENOMINATOR_NAMES[denominator]
    if numerator == 1:
        return f"un {singular}"
    return f"{words(numerator)} {plural}"


def _proper(rng, max_denominator=12):
    denominator = rng.randint(2, max_denominator)
    numerator = rng.randint(1, denominator - 1)
    return simplest(numerator, denominator)


def _irreducible(rng, max_denominator=9):
    while True:
        numerator, denominator = _proper(rng, max_denominator)
        if denominator > 1:
            return numerator, denominator


# -- 1. Natural numbers and place value ------------------------------------------------------------
NATURALS = (
    Paragraph(
        "Usamos los números naturales para contar: 1, 2, 3, 4 y así sucesivamente, sin fin. Con solo diez "
        "cifras, del 0 al 9, podemos escribir cualquier número, por grande que sea. El secreto está en el "
        "lugar que ocupa cada cifra."
    ),
    Paragraph(
        "En nuestro sistema de numeración, cada lugar vale diez veces más que el lugar que está a su derecha. "
        "Diez unidades forman una decena, diez decenas forman una centena y diez centenas forman una unidad "
        "de millar. Por eso decimos que es un sistema decimal y posicional."
    ),
    Heading("El valor de cada cifra"),
    Paragraph(
        "En el número 45 372, la cifra 4 no vale cuatro: vale 40 000, porque ocupa el lugar de las decenas "
        "de millar. La cifra 5 vale 5 000, el 3 vale 300, el 7 vale 70 y el 2 vale 2. Si sumamos esos "
        "valores obtenemos de nuevo el número: 40 000 + 5 000 + 300 + 70 + 2 = 45 372."
    ),
    Table(
        ("Dec. de millar", "Unid. de millar", "Centenas", "Decenas", "Unidades"),
        (("4", "5", "3", "7", "2"),),
        "El número 45 372 en la tabla de valor posicional.",
    ),
    Paragraph(
        "Para leer un número grande conviene separar sus cifras en grupos de tres, de derecha a izquierda. "
        "El primer grupo es el de las unidades, el segundo el de los millares y el tercero el de los "
        "millones. Así, 3 205 480 se lee «tres millones doscientos cinco mil cuatrocientos ochenta»."
    ),
    Note(
        "Recuerda",
        "Un cero también ocupa un lugar. En 7 040 el cero de las centenas indica que no hay centenas, "
        "y el número es muy distinto de 740.",
    ),
    Heading("Comparar números grandes"),
    Paragraph(
        "Para saber cuál de dos números es mayor, primero contamos sus cifras: el que tiene más cifras es "
        "mayor. Si tienen las mismas cifras, comparamos de izquierda a derecha hasta encontrar la primera "
        "cifra distinta. Por ejemplo, 58 912 es mayor que 58 219, porque las dos primeras cifras son iguales "
        "y en las centenas 9 es mayor que 2."
    ),
    Paragraph(
        "Los signos > (mayor que) y < (menor que) nos ayudan a escribir estas comparaciones de forma breve: "
        "58 912 > 58 219. La abertura del signo siempre mira hacia el número mayor."
    ),
    Note(
        "En la vida diaria",
        "Los números grandes aparecen en muchos lugares: en la cantidad de habitantes de un "
        "municipio, en la distancia que recorre un camión en un mes o en el precio de una casa. Leerlos bien nos "
        "ayuda a entender las noticias y a tomar decisiones.",
    ),
)


def _number_with_unique_digit(rng, digits):
    while True:
        n = rng.randint(10 ** (digits - 1), 10**digits - 1)
        text = str(n)
        position = rng.randrange(len(text))
        if text.count(text[position]) == 1 and text[position] != "0":
            return n, int(text[position]), len(text) - 1 - position


def _decompose(rng):
    numbers = [rng.randint(10_000, 999_999) for _ in range(4)]
    return Items("Descompón cada número según el valor de sus cifras.", tuple(f"{grouped(n)} =" for n in numbers), 1)


def _digit_value(rng):
    items = []
    for _ in range(4):
        n, digit, place = _number_with_unique_digit(rng, rng.randint(5, 7))
        items.append(f"¿Cuánto vale la cifra {digit} en {grouped(n)}?")
    return Items("Contesta.", tuple(items), 1)


def _digit_value_example(rng):
    n, digit, place = _number_with_unique_digit(rng, rng.randint(5, 7))
    return Note(
        "Ejemplo resuelto",
        f"¿Cuánto vale la cifra {digit} en {grouped(n)}? Ocupa el lugar de las "
        f"{PLACES[place]}, así que vale {grouped(digit * 10**place)}.",
    )


def _to_digits(rng):
    numbers = [
        rng.choice([rng.randint(1_000, 99_999), rng.randint(100_000, 999_999), rng.randint(1_000_000, 9_999_999)])
        for _ in range(3)
    ]
    return Items("Escribe con cifras.", tuple(f"{words(n).capitalize()}." for n in numbers), 1)


def _to_words(rng):
    numbers = [rng.randint(1_000, 999_999) for _ in range(3)]
    return Items("Escribe con letra.", tuple(grouped(n) for n in numbers), 1)


def _compare_naturals(rng):
    items = []
    for _ in range(5):
        a = rng.randint(10_000, 999_999)
        b = a + rng.choice([-1, 1]) * rng.choice([1, 9, 90, 900, 9_000]) if rng.random() < 0.8 else a
        items.append(f"{grouped(a)}  ____  {grouped(max(b, 1))}")
    return Items("Escribe en cada espacio el signo >, < o =.", tuple(items))


def _order_naturals(rng):
    items = []
    for _ in range(3):
        base = rng.randint(10_000, 90_000)
        numbers = rng.sample(range(base, base + 9_999), 4)
        items.append(", ".join(grouped(n) for n in numbers))
    return Items("Ordena de menor a mayor.", tuple(items), 1)


def _naturals_problem(rng):
    a, b = rng.randint(12_000, 98_000), rng.randint(12_000, 98_000)
    choices = [
        f"En un municipio viven {grouped(a)} personas y en el municipio vecino viven {grouped(b)}. ¿Cuántas "
        "personas viven en los dos municipios? ¿En cuál viven más?",
        f"Un camión de carga recorrió {grouped(a // 10)} km en un mes y {grouped(b // 10)} km al mes siguiente. "
        "¿Cuántos kilómetros recorrió en los dos meses?",
        f"El estadio de la ciudad tiene {grouped(max(a, b))} lugares. Al partido del domingo asistieron "
        f"{grouped(min(a, b))} personas. ¿Cuántos lugares quedaron vacíos?",
        f"Una biblioteca pública tiene {grouped(a)} volúmenes y recibe una donación de {grouped(b // 20)}. "
        "¿Cuántos volúmenes tendrá en total?",
    ]
    return Items("Resuelve los problemas.", tuple(pick(rng, choices, 2)), 2)


NATURALS_THOUGHTS = (
    "¿Por qué crees que nuestro sistema de numeración agrupa de diez en diez? Una pista: cuenta los "
    "dedos de tus manos.",
    "Con las cifras 3, 0, 8 y 5, usando cada una una sola vez, ¿cuál es el mayor número que puedes "
    "formar? ¿Y el menor de cuatro cifras?",
    "Busca en un periódico o en una etiqueta un número de más de cinco cifras. Léelo en voz alta y "
    "escríbelo con letra.",
    "Si a un número le agregas un cero a la derecha, ¿cuántas veces más grande se vuelve? Prueba con varios ejemplos.",
)

# -- 2. Fractions as parts and fair shares -----------------------------------------------------------
FRACTIONS = (
    Paragraph(
        "Una fracción expresa una o varias partes iguales de un todo. El todo puede ser un pastel, una tira "
        "de papel, una hora o un grupo de personas. Lo importante es que las partes sean iguales entre sí."
    ),
    Paragraph(
        "Las fracciones se escriben con dos números separados por una línea. El número de abajo, llamado "
        "denominador, indica en cuántas partes iguales se dividió el todo. El número de arriba, llamado "
        "numerador, indica cuántas de esas partes se toman. En la fracción 3/4, el denominador 4 dice que el "
        "todo se partió en cuatro partes iguales, y el numerador 3 dice que se tomaron tres."
    ),
    FractionBars(((1, 4), (3, 4)), "Una tira dividida en cuartos: un cuarto y tres cuartos sombreados."),
    Heading("Cómo se leen las fracciones"),
    Paragraph(
        "Las fracciones con denominador 2 se leen medios; con 3, tercios; con 4, cuartos; con 5, quintos; con "
        "6, sextos; con 7, séptimos; con 8, octavos; con 9, novenos, y con 10, décimos. A partir del 11 se "
        "agrega la terminación «avos»: 5/12 se lee «cinco doceavos»."
    ),
    Heading("Repartir en partes iguales"),
    Paragraph(
        "Las fracciones nacen de los repartos. Si tres amigas se reparten dos tortillas en partes iguales, no "
        "alcanza una tortilla entera para cada una. Pueden partir cada tortilla en tres partes iguales; así "
        "cada amiga recibe un tercio de cada tortilla, es decir, dos tercios en total."
    ),
    Note(
        "Recuerda",
        "Cuando se reparten en partes iguales varios objetos iguales entre varias personas, a cada "
        "persona le toca una fracción cuyo numerador es el número de objetos y cuyo denominador es el número de "
        "personas. Por ejemplo, 3 pasteles entre 4 personas dan 3/4 de pastel a cada una.",
    ),
    Paragraph(
        "Una fracción también puede ser mayor que un entero. Si se juntan cinco mitades de naranja, se tienen "
        "5/2 de naranja, que son dos naranjas enteras y media. Las fracciones cuyo numerador es mayor o igual "
        "que el denominador se llaman fracciones impropias."
    ),
    Heading("La fracción de una cantidad"),
    Paragraph(
        "Para saber cuánto es 1/4 de 20 canicas, se dividen las 20 canicas en 4 grupos iguales; cada grupo "
        "tiene 5 canicas. Entonces 3/4 de 20 son 15 canicas, porque son tres de esos grupos."
    ),
)

SHARES = [
    ("tortillas", "personas"),
    ("pizzas", "compañeras y compañeros"),
    ("barras de amaranto", "niñas y niños"),
    ("pasteles", "familias"),
    ("sandías", "grupos"),
    ("panes de elote", "amigos"),
]


def _shaded(rng):
    fractions = tuple(
        _proper(rng, 10) if rng.random() < 0.5 else (rng.randint(1, d - 1), d) for d in rng.sample(range(3, 11), 3)
    )
    return FractionBars(fractions, "Escribe en cada línea qué fracción de la tira está sombreada.", labeled=False)


def _share_problem(rng):
    items = []
    for things, people in pick(rng, SHARES, 2):
        a, b = sorted(rng.sample(range(2, 10), 2))
        items.append(
            f"Se reparten {a} {things} en partes iguales entre {b} {people}. ¿Qué fracción le toca a cada quien?"
        )
    return Items("Resuelve los repartos. Puedes hacer un dibujo.", tuple(items), 2)


def _share_example(rng):
    things, people = rng.choice(SHARES)
    a, b = sorted(rng.sample(range(2, 10), 2))
    answer = f"{fraction(a, b)}"
    n, d = simplest(a, b)
    also = f", que es lo mismo que {fraction(n, d)}" if (n, d) != (a, b) else ""
    return Note(
        "Ejemplo resuelto",
        f"Si se reparten {a} {things} entre {b} {people}, cada una de las {a} piezas se "
        f"parte en {b} partes iguales y cada quien toma una parte de cada pieza. A cada quien le toca "
        f"{answer}{also}.",
    )


def _fraction_names(rng):
    items = []
    for _ in range(4):
        d = rng.randint(2, 12)
        n = rng.randint(1, d - 1)
        items.append(f"{fraction(n, d)}")
    return Items("Escribe con letra cómo se lee cada fracción.", tuple(items), 1)


def _fraction_names_example(rng):
    d = rng.randint(2, 12)
    n = rng.randint(1, d - 1)
    return Paragraph(f"Por ejemplo, la fracción {fraction(n, d)} se lee «{fraction_words(n, d)}».")


def _fraction_of_quantity(rng):
    items = []
    things = ["pesos", "canicas", "minutos", "metros", "alumnos", "hojas"]
    for thing in pick(rng, things, 4):
        n, d = _irreducible(rng, 10)
        quantity = d * rng.randint(2, 12)
        items.append(f"¿Cuánto es {fraction(n, d)} de {quantity} {thing}?")
    return Items("Calcula.", tuple(items), 1)


FRACTIONS_THOUGHTS = (
    "¿Qué es más: un tercio de una pizza grande o un tercio de una pizza chica? ¿Por qué importa el tamaño del todo?",
    "Dobla una hoja en partes iguales de tantas formas como puedas. ¿Qué fracciones obtuviste?",
    "Si a cada quien le toca 5/4 de tortilla, ¿le toca más o menos de una tortilla entera? Explica.",
    "Piensa en tu día: ¿qué fracción de las 24 horas pasas dormido?",
)

# -- 3. Equivalent fractions --------------------------------------------------------------------------
EQUIVALENTS = (
    Paragraph(
        EQUIVALENT_FRACTIONS_SENTENCE + " Si doblas una tira de papel por la mitad y sombreas una parte, "
        "tienes 1/2; si después la doblas otra vez, verás cuatro partes iguales y dos de ellas sombreadas: 2/4. "
        "La parte sombreada no cambió, así que 1/2 y 2/4 son fracciones equivalentes."
    ),
    FractionBars(((1, 2), (2, 4), (4, 8)), "La misma parte de la tira: 1/2 = 2/4 = 4/8."),
    Heading("Cómo obtener fracciones equivalentes"),
    Paragraph(
        "Para obtener una fracción equivalente a otra, se multiplican el numerador y el denominador por el "
        "mismo número distinto de cero. Al multiplicar 2/3 por 4 arriba y abajo se obtiene 8/12: el todo "
        "quedó dividido en partes cuatro veces más pequeñas, y por eso se necesitan cuatro veces más partes "
        "para cubrir lo mismo."
    ),
    Paragraph(
        "También se pueden dividir el numerador y el denominador entre un mismo número que divida "
        "exactamente a ambos. Este procedimiento se llama simplificar. Por ejemplo, 6/9 se simplifica "
        "dividiendo entre 3: 6 ÷ 3 = 2 y 9 ÷ 3 = 3, así que 6/9 = 2/3."
    ),
    Note(
        "Recuerda",
        "Una fracción está en su forma más simple, o es irreducible, cuando el único número que divide "
        "exactamente a su numerador y a su denominador es el 1. Las fracciones 2/3, 3/4 y 5/8 son irreducibles.",
    ),
    Heading("¿Cómo saber si dos fracciones son equivalentes?"),
    Paragraph(
        "Una manera rápida es comparar los productos cruzados: se multiplica el numerador de la primera por "
        "el denominador de la segunda, y el denominador de la primera por el numerador de la segunda. Si los "
        "dos productos son iguales, las fracciones son equivalentes. En 3/4 y 9/12, los productos son "
        "3 × 12 = 36 y 4 × 9 = 36; como son iguales, 3/4 y 9/12 son equivalentes."
    ),
    Paragraph(
        "Otra manera es simplificar las dos fracciones hasta su forma irreducible y ver si llegan a la misma. "
        "Por ejemplo, 10/15 y 4/6 se simplifican a 2/3, así que son equivalentes."
    ),
    Heading("Fracciones equivalentes en la vida diaria"),
    Paragraph(
        "En la cocina, media taza de leche es lo mismo que dos cuartos de taza. En el reloj, media hora son "
        "30 minutos, y también son 2/4 de hora. En una carrera de 1 000 metros, haber recorrido 500 metros "
        "equivale a 1/2, a 5/10 y a 50/100 del recorrido."
    ),
    Paragraph(
        "Las fracciones equivalentes son la herramienta que nos permite comparar, sumar y restar fracciones "
        "con distinto denominador, como verás en los capítulos siguientes."
    ),
)


def _complete_equivalent(rng):
    items = []
    for _ in range(6):
        a, b = _irreducible(rng)
        k = rng.randint(2, 6)
        items.append(f"{fraction(a, b)} = ____/{b * k}" if rng.random() < 0.5 else f"{fraction(a, b)} = {a * k}/____")
    return Items("Completa para que las fracciones sean equivalentes.", tuple(items))


def _equivalent_example(rng):
    a, b = _irreducible(rng)
    k = rng.randint(2, 7)
    return Note(
        "Ejemplo resuelto",
        f"Busquemos una fracción equivalente a {fraction(a, b)} con denominador {b * k}. "
        f"Como {b} × {k} = {b * k}, multiplicamos también el numerador por {k}: {a} × {k} = {a * k}. "
        f"Entonces {fraction(a, b)} = {fraction(a * k, b * k)}.",
    )


def _simplify(rng):
    items = []
    for _ in range(6):
        a, b = _irreducible(rng)
        k = rng.randint(2, 8)
        items.append(f"{fraction(a * k, b * k)} =")
    return Items("Simplifica cada fracción hasta su forma irreducible.", tuple(items))


def _simplify_example(rng):
    a, b = _irreducible(rng)
    g = rng.randint(2, 9)
    n, d = a * g, b * g
    return Note(
        "Ejemplo resuelto",
        f"Para simplificar {fraction(n, d)} buscamos el mayor número que divide "
        f"exactamente a {n} y a {d}: es el {g}. Al dividir, {n} ÷ {g} = {a} y {d} ÷ {g} = {b}, así que "
        f"{fraction(n, d)} = {fraction(a, b)}.",
    )


def _are_equivalent(rng):
    items = []
    for _ in range(5):
        a, b = _irreducible(rng)
        k, m = rng.sample(range(2, 7), 2)
        c, d = a * m, b * m
        if rng.random() < 0.4:
            c += rng.choice([-1, 1])
        items.append(f"{fraction(a * k, b * k)} y {fraction(max(c, 1), d)}")
    return Items("¿Son equivalentes? Usa los productos cruzados y escribe sí o no.", tuple(items))


def _cross_products_example(rng):
    a, b = _irreducible(rng)
    k, m = rng.sample(range(2, 6), 2)
    p, q, r, s = a * k, b * k, a * m, b * m
    return Note(
        "Ejemplo resuelto",
        f"¿Son equivalentes {fraction(p, q)} y {fraction(r, s)}? Los productos cruzados "
        f"son {p} × {s} = {p * s} y {q} × {r} = {q * r}. Como son iguales, sí son equivalentes.",
    )


def _equivalent_bars(rng):
    a, b = rng.choice([(1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (1, 5), (2, 5)])
    k = 2 if b * 2 <= 12 else 1
    others = [(n, d) for n, d in [(1, 3), (2, 5), (3, 8), (5, 6), (3, 5)] if Fraction(n, d) != Fraction(a, b)]
    bars = [(a, b), (a * k, b * k)] + [rng.choice(others)]
    if b * 3 <= 12:
        bars.append((a * 3, b * 3))
    rng.shuffle(bars)
    return FractionBars(
        tuple(bars), "Escribe la fracción sombreada de cada tira y encierra las que son equivalentes.", labeled=False
    )


def _three_equivalents(rng):
    return Items(
        "Escribe tres fracciones equivalentes a cada una.", tuple(fraction(*_irreducible(rng)) for _ in range(4)), 1
    )


def _equivalent_problem(rng):
    first, second = pick(rng, NAMES, 2)
    a, b = _irreducible(rng, 6)
    k = rng.randint(2, 4)
    choices = [
        f"{first} comió {fraction(a, b)} de una barra de amaranto y {second} comió {fraction(a * k, b * k)} de otra "
        "barra igual. ¿Quién comió más? Explica tu respuesta.",
        (
            f"En una jarra hay {fraction(a, b)} de litro de agua de limón. ¿A cuántos {DENOMINATOR_NAMES[b * k][1]} "
            "de litro equivale?"
        )
        if b * k <= 12
        else (
            f"En una jarra hay {fraction(a, b)} de litro de agua de limón. "
            f"Escribe esa cantidad con denominador {b * k}."
        ),
        f"{first} pintó {fraction(a * k, b * k)} de una barda y {second} dice que pintó "
        f"{fraction(a, b)}. ¿Pueden tener razón los dos? ¿Por qué?",
    ]
    return Items("Resuelve.", tuple(pick(rng, choices, 2)), 2)


EQUIVALENTS_THOUGHTS = (
    "¿Cuántas fracciones equivalentes a 1/2 existen? ¿Podrías escribirlas todas?",
    "Si multiplicas el numerador y el denominador por 1, ¿obtienes una fracción distinta? ¿Qué significa?",
    "Con una tira de papel, comprueba doblando que 2/3 = 4/6. Explica a otra persona lo que observaste.",
    "¿Por qué no se puede multiplicar el numerador y el denominador por cero para obtener una fracción equivalente?",
)

# -- 4. Comparing and ordering fractions --------------------------------------------------------------
COMPARING = (
    Paragraph(
        "Para comparar fracciones conviene preguntarse primero si tienen el mismo denominador. Si es así, las "
        "partes son del mismo tamaño y es mayor la fracción que toma más partes: 5/8 es mayor que 3/8."
    ),
    Paragraph(
        "Si las fracciones tienen el mismo numerador, se toman las mismas partes, pero de distinto tamaño. Es "
        "mayor la que tiene el denominador menor, porque sus partes son más grandes: 2/5 es mayor que 2/7."
    ),
    FractionBars(((2, 5), (2, 7)), "Dos quintos ocupan más que dos séptimos."),
    Paragraph(
        "Cuando tienen numeradores y denominadores distintos, se buscan fracciones equivalentes con un "
        "denominador común. Para comparar 2/3 y 3/4 se pueden convertir ambas a doceavos: 2/3 = 8/12 y "
        "3/4 = 9/12. Como 9/12 es mayor que 8/12, 3/4 es mayor que 2/3."
    ),
    Note(
        "Recuerda",
        "Un denominador común de dos fracciones es un múltiplo de ambos denominadores. El más pequeño "
        "se llama mínimo común múltiplo y hace las cuentas más sencillas.",
    ),
    Heading("Fracciones en la recta numérica"),
    Paragraph(
        "Las fracciones también se pueden ubicar en la recta numérica. Entre el 0 y el 1 se divide el "
        "segmento en tantas partes iguales como indique el denominador, y se cuentan desde el cero tantas "
        "partes como indique el numerador. De dos fracciones, la que queda más a la derecha es la mayor."
    ),
    Paragraph(
        "Comparar con un medio es una estrategia útil: 3/8 es menor que 1/2 porque la mitad de 8 es 4, y 3 es "
        "menor que 4; en cambio, 4/7 es mayor que 1/2 porque 4 es más que la mitad de 7."
    ),
)


def _compare_fractions(rng):
    items = []
    for _ in range(6):
        a, b = _irreducible(rng, 10)
        c, d = (a * 2, b * 2) if rng.random() < 0.2 else _irreducible(rng, 10)
        items.append(f"{fraction(a, b)}  ____  {fraction(c, d)}")
    return Items("Escribe en cada espacio el signo >, < o =.", tuple(items))


def _compare_example(rng):
    while True:
        (a, b), (c, d) = _irreducible(rng, 9), _irreducible(rng, 9)
        if b != d and Fraction(a, b) != Fraction(c, d):
            break
    m = lcm(b, d)
    x, y = a * (m // b), c * (m // d)
    bigger, smaller = ((a, b), (c, d)) if x > y else ((c, d), (a, b))
    return Note(
        "Ejemplo resuelto",
        f"Para comparar {fraction(a, b)} y {fraction(c, d)} usamos el denominador común "
        f"{m}: {fraction(a, b)} = {fraction(x, m)} y {fraction(c, d)} = {fraction(y, m)}. Como "
        f"{max(x, y)} es mayor que {min(x, y)}, {fraction(*bigger)} es mayor que {fraction(*smaller)}.",
    )


def _order_fractions(rng):
    items = []
    for _ in range(3):
        values = set()
        while len(values) < 4:
            values.add(Fraction(*_irreducible(rng, 10)))
        shown = list(values)
        rng.shuffle(shown)
        items.append(", ".join(fraction(v.numerator, v.denominator) for v in shown))
    return Items("Ordena de menor a mayor.", tuple(items), 1)


def _half_test(rng):
    items = []
    for _ in range(6):
        d = rng.randint(3, 12)
        n = rng.randint(1, d - 1)
        items.append(fraction(n, d))
    return Items("Escribe si cada fracción es mayor, menor o igual que 1/2.", tuple(items))


def _race_problem(rng):
    first, second = pick(rng, NAMES, 2)
    while True:
        (a, b), (c, d) = _irreducible(rng, 8), _irreducible(rng, 8)
        if Fraction(a, b) != Fraction(c, d):
            break
    return Items(
        "Resuelve.",
        (
            f"En la carrera del recreo, {first} recorrió {fraction(a, b)} de la pista y {second} recorrió "
            f"{fraction(c, d)}. ¿Quién avanzó más? ¿Cuánto le falta a cada quien para terminar?",
            f"Para un mural, {first} pintó {fraction(c, d)} de la pared y {second} {fraction(a, b)} "
            "de otra pared igual. "
            "¿Quién pintó menos?",
        ),
        2,
    )


COMPARING_THOUGHTS = (
    "¿Es cierto que entre más grande es el denominador, más pequeña es la fracción? ¿Siempre? Busca ejemplos.",
    "Encuentra una fracción que esté entre 1/3 y 1/2. ¿Hay más de una?",
    "Dibuja una recta numérica del 0 al 1 y ubica en ella 1/4, 1/2, 2/3 y 3/4.",
)

# -- 5. Adding and subtracting fractions ---------------------------------------------------------------
ADDING = (
    Paragraph(
        "Sumar fracciones con el mismo denominador es sencillo: se suman los numeradores y se conserva el "
        "denominador, porque las partes son del mismo tamaño. Así, 2/7 + 3/7 = 5/7."
    ),
    Paragraph("Para restar se hace lo mismo con los numeradores: 7/9 - 4/9 = 3/9, que se puede simplificar a 1/3."),
    Heading("Con distinto denominador"),
    Paragraph(
        "Cuando los denominadores son distintos, primero se cambian las fracciones por otras equivalentes que "
        "tengan el mismo denominador. Para sumar 1/2 + 1/3 se usa el denominador común 6: 1/2 = 3/6 y "
        "1/3 = 2/6, así que 1/2 + 1/3 = 3/6 + 2/6 = 5/6."
    ),
    Paragraph(
        "Para restar 3/4 - 1/6 conviene usar 12, que es múltiplo de 4 y de 6: 3/4 = 9/12 y 1/6 = 2/12, de "
        "modo que 3/4 - 1/6 = 7/12."
    ),
    Note(
        "Recuerda",
        "Después de sumar o restar, revisa si el resultado se puede simplificar. Si el numerador es "
        "mayor que el denominador, también puedes escribirlo como número mixto: 7/4 = 1 3/4.",
    ),
    Heading("Problemas con fracciones"),
    Paragraph(
        "Muchos problemas de la vida diaria se resuelven con sumas y restas de fracciones: juntar lo que queda "
        "de dos paquetes de harina, saber cuánto falta para llenar un garrafón o calcular qué parte del día "
        "dedicamos a dormir. Antes de operar, conviene estimar: si sumamos dos fracciones menores que un "
        "medio, el resultado será menor que uno."
    ),
)


def _same_denominator(rng):
    items = []
    for _ in range(6):
        d = rng.randint(3, 12)
        a, b = rng.randint(1, d - 1), rng.randint(1, d - 1)
        items.append(
            f"{fraction(a, d)} + {fraction(b, d)} ="
            if rng.random() < 0.5 or a == b
            else f"{fraction(max(a, b), d)} - {fraction(min(a, b), d)} ="
        )
    return Items("Resuelve y simplifica cuando se pueda.", tuple(items))


def _sum_example(rng):
    while True:
        (a, b), (c, d) = _irreducible(rng, 8), _irreducible(rng, 8)
        if b != d:  # two irreducible fractions with different denominators never add up to a whole number
            break
    sign = "-" if rng.random() < 0.4 else "+"
    if sign == "-":
        (a, b), (c, d) = sorted([(a, b), (c, d)], key=lambda f: Fraction(*f), reverse=True)
    m = lcm(b, d)
    x, y = a * (m // b), c * (m // d)
    numerator = x - y if sign == "-" else x + y
    result = Fraction(numerator, m)
    text = (
        f"Para calcular {fraction(a, b)} {sign} {fraction(c, d)} usamos el denominador común {m}: "
        f"{fraction(x, m)} {sign} {fraction(y, m)} = {fraction(numerator, m)}"
    )
    if result.denominator != m:
        text += f", que se simplifica a {fraction(result.numerator, result.denominator)}"
    if result > 1:
        text += f", es decir, {fraction_text(result)}"
    return Note("Ejemplo resuelto", text + ".")


def _different_denominators(rng):
    items = []
    for _ in range(6):
        while True:
            (a, b), (c, d) = _irreducible(rng, 8), _irreducible(rng, 8)
            if b != d:
                break
        if rng.random() < 0.5 and Fraction(a, b) != Fraction(c, d):
            big, small = sorted([(a, b), (c, d)], key=lambda f: -Fraction(*f))
            items.append(f"{fraction(*big)} - {fraction(*small)} =")
        else:
            items.append(f"{fraction(a, b)} + {fraction(c, d)} =")
    return Items("Busca un denominador común y resuelve.", tuple(items))


def _fraction_word_problem(rng):
    name = rng.choice(NAMES)
    while True:
        (a, b), (c, d) = _irreducible(rng, 6), _irreducible(rng, 6)
        if b != d and Fraction(a, b) > Fraction(c, d):
            break
    choices = [
        f"Para preparar agua de horchata, {name} usó {fraction(a, b)} de kilo de arroz el lunes y {fraction(c, d)} "
        "de kilo el martes. ¿Cuánto arroz usó en total?",
        f"Un garrafón tenía {fraction(a, b)} de su capacidad con agua. En la mañana se usó {fraction(c, d)} del "
        "garrafón. ¿Qué parte del garrafón tiene agua todavía?",
        f"{name} caminó {fraction(a, b)} de kilómetro para llegar a la escuela y {fraction(c, d)} de kilómetro más "
        "para llegar a la casa de su abuela. ¿Cuánto caminó en total?",
        f"De una cuerda de un metro, se cortó {fraction(c, d)} de metro para un papalote y {fraction(a, b)} de metro "
        "para una trenza. ¿Cuánta cuerda se usó? ¿Cuánta sobró?"
        if Fraction(a, b) + Fraction(c, d) < 1
        else f"Una familia compró {fraction(a, b)} de kilo de queso y usó {fraction(c, d)} de kilo en las quesadillas. "
        "¿Cuánto queso le quedó?",
    ]
    return Items("Resuelve los problemas. Escribe las operaciones que hiciste.", tuple(pick(rng, choices, 2)), 2)


ADDING_THOUGHTS = (
    "¿Por qué no es correcto sumar 1/2 + 1/3 como 2/5? Usa un dibujo para explicarlo.",
    "Si sumas dos fracciones menores que 1, ¿el resultado puede ser mayor que 1? Da un ejemplo.",
    "Inventa un problema de tu casa o de tu comunidad que se resuelva con la resta 3/4 - 1/2.",
)

# -- 6. Decimals -------------------------------------------------------------------------------------
DECIMALS = (
    Paragraph(
        "Los números decimales son otra forma de escribir fracciones cuyo denominador es 10, 100, 1 000 o "
        "cualquier otra potencia de diez. El punto decimal separa la parte entera de la parte decimal: en "
        "3.25, el 3 es la parte entera y 25 son centésimos."
    ),
    Paragraph(
        "La primera cifra después del punto indica los décimos, la segunda los centésimos y la tercera los "
        "milésimos. Así, 0.7 = 7/10, 0.45 = 45/100 y 0.125 = 125/1000."
    ),
    Table(
        ("Unidades", "Décimos", "Centésimos", "Milésimos"),
        (("3", "2", "5", "0"), ("0", "1", "2", "5")),
        "Los números 3.25 y 0.125 en la tabla de valor posicional.",
    ),
    Heading("Decimales y dinero"),
    Paragraph(
        "Usamos decimales todos los días al pagar. En $12.50, el 12 son los pesos y el 50 son centavos: "
        "cincuenta centésimos de peso, es decir, medio peso. Un peso tiene cien centavos."
    ),
    Heading("Comparar decimales"),
    Paragraph(
        "Para comparar números decimales se compara primero la parte entera. Si es igual, se comparan los "
        "décimos, luego los centésimos, y así sucesivamente. Un error frecuente es pensar que 0.8 es menor "
        "que 0.75 porque 75 es mayor que 8; pero 0.8 = 0.80, y 80 centésimos son más que 75 centésimos."
    ),
    Note(
        "Recuerda",
        "Agregar ceros a la derecha de la parte decimal no cambia el valor del número: 0.5, 0.50 y 0.500 son iguales.",
    ),
    Heading("Sumar y restar decimales"),
    Paragraph(
        "Para sumar o restar decimales, se acomodan las cantidades de modo que los puntos decimales queden "
        "alineados, uno debajo de otro; así se suman décimos con décimos y centésimos con centésimos. Después "
        "se opera como con los números naturales y se coloca el punto en el resultado, en la misma columna."
    ),
    Paragraph(
        "Algunas fracciones comunes tienen una escritura decimal que conviene recordar: 1/2 = 0.5, "
        "1/4 = 0.25, 3/4 = 0.75 y 1/5 = 0.2."
    ),
)

SHOP = [
    ("un cuaderno", 18, 35),
    ("un lápiz", 5, 12),
    ("una goma", 4, 9),
    ("un jugo", 12, 22),
    ("una torta", 25, 45),
    ("una bolsa de palomitas", 10, 18),
    ("una regla", 8, 16),
    ("un sacapuntas", 6, 14),
    ("una fruta picada", 15, 28),
    ("un agua de sabor", 10, 20),
]


def _price(rng, low, high):
    return rng.randint(low * 2, high * 2) / 2  # whole pesos or fifty cents


def _to_decimal(rng):
    items = []
    for _ in range(6):
        d = rng.choice([10, 100, 1000])
        n = rng.randint(1, d * 3)
        items.append(f"{fraction(n, d)} =")
    return Items("Escribe cada fracción como número decimal.", tuple(items))


def _to_fraction(rng):
    items = []
    for _ in range(6):
        places = rng.randint(1, 3)
        value = rng.randint(1, 10**places * 2) / 10**places
        items.append(f"{value:.{places}f} =")
    return Items("Escribe cada número decimal como fracción con denominador 10, 100 o 1000.", tuple(items))


def _compare_decimals(rng):
    items = []
    for _ in range(6):
        a = rng.randint(1, 999) / 100
        b = round(a + rng.choice([-0.3, -0.05, 0.05, 0.3, 0.0]), 2) if rng.random() < 0.7 else rng.randint(1, 99) / 10
        items.append(f"{a:.2f}  ____  {max(b, 0.01):.{1 if rng.random() < 0.4 else 2}f}")
    return Items("Escribe en cada espacio el signo >, < o =.", tuple(items))


def _shop_example(rng):
    (first, l1, h1), (second, l2, h2) = pick(rng, SHOP, 2)
    a, b = _price(rng, l1, h1), _price(rng, l2, h2)
    paid = 50 if a + b < 50 else 100
    name = rng.choice(NAMES)
    return Note(
        "Ejemplo resuelto",
        f"{name} compró {first} de {pesos(a)} y {second} de {pesos(b)}. Para saber cuánto "
        f"pagó, alineamos los puntos decimales y sumamos: {pesos(a)} + {pesos(b)} = {pesos(a + b)}. Si pagó "
        f"con un billete de ${paid}, recibió de cambio {pesos(paid)} - {pesos(a + b)} = {pesos(paid - a - b)}.",
    )


def _shop_problem(rng):
    products = pick(rng, SHOP, 3)
    prices = [_price(rng, low, high) for _name, low, high in products]
    rows = tuple((name.capitalize(), pesos(p)) for (name, _l, _h), p in zip(products, prices, strict=True))
    name = rng.choice(NAMES)
    return Table(
        ("Producto en la tiendita de la escuela", "Precio"),
        rows,
        f"{name} quiere comprar los tres productos. ¿Cuánto pagará? Si lleva $150, ¿cuánto le sobrará?",
    )


def _decimal_sums(rng):
    items = []
    for _ in range(6):
        a, b = rng.randint(100, 9999) / 100, rng.randint(100, 9999) / 100
        items.append(f"{a:.2f} + {b:.2f} =" if rng.random() < 0.5 else f"{max(a, b):.2f} - {min(a, b):.2f} =")
    return Items("Resuelve. Acomoda los números con los puntos alineados.", tuple(items))


DECIMALS_THOUGHTS = (
    "¿Qué número decimal está justo a la mitad entre 0.4 y 0.5?",
    "¿Por qué en las tiendas los precios casi nunca tienen milésimos?",
    "Busca en tu casa tres etiquetas con números decimales (precios, pesos, volúmenes). ¿Qué representa cada uno?",
)

# -- 7. Multiplication and division ---------------------------------------------------------------------
OPERATIONS = (
    Paragraph(
        "Multiplicar es una forma abreviada de sumar varias veces la misma cantidad. Si en un salón hay 6 "
        "filas de 8 bancas, en lugar de sumar 8 + 8 + 8 + 8 + 8 + 8 calculamos 6 × 8 = 48 bancas."
    ),
    Paragraph(
        "Para multiplicar por 10, por 100 o por 1 000 basta con agregar al número uno, dos o tres ceros a la "
        "derecha: 37 × 100 = 3 700. Esto ocurre porque cada cifra pasa a un lugar que vale diez, cien o mil "
        "veces más."
    ),
    Heading("Multiplicar por números de dos cifras"),
    Paragraph(
        "Para multiplicar 234 × 26, se puede descomponer el 26 en 20 + 6. Primero se calcula 234 × 6 = 1 404 "
        "y luego 234 × 20 = 4 680. Al sumar los dos resultados se obtiene 6 084."
    ),
    Heading("La división"),
    Paragraph(
        "Dividir es repartir en partes iguales o averiguar cuántas veces cabe una cantidad en otra. En una "
        "división, el número que se reparte es el dividendo, el número entre el que se reparte es el "
        "divisor, el resultado es el cociente y lo que sobra es el residuo. El residuo siempre es menor que "
        "el divisor."
    ),
    Paragraph(
        "Para comprobar una división se multiplica el cociente por el divisor y se suma el residuo; el "
        "resultado debe ser el dividendo. Por ejemplo, 158 ÷ 12 da 13 y sobran 2, porque 13 × 12 + 2 = 158."
    ),
    Note(
        "Recuerda",
        "Antes de resolver una operación larga, estima el resultado redondeando. 498 × 21 debe dar un "
        "poco más de 500 × 20 = 10 000; si tu resultado está muy lejos, revisa tus cuentas.",
    ),
)


def _multiplications(rng):
    items = [f"{grouped(rng.randint(100, 9999))} × {rng.randint(11, 99)} =" for _ in range(6)]
    return Items("Resuelve las multiplicaciones.", tuple(items))


def _multiplication_example(rng):
    a, b = rng.randint(102, 989), rng.randint(12, 98)
    tens, units = divmod(b, 10)
    return Note(
        "Ejemplo resuelto",
        f"Para calcular {a} × {b}, descomponemos {b} en {tens * 10} + {units}. Primero, "
        f"{a} × {units} = {grouped(a * units)}; después, {a} × {tens * 10} = {grouped(a * tens * 10)}. Al "
        f"sumar, {grouped(a * units)} + {grouped(a * tens * 10)} = {grouped(a * b)}."
        if units
        else f"Para calcular {a} × {b}, multiplicamos {a} × {tens} = {grouped(a * tens)} y agregamos "
        f"un cero a la derecha: {grouped(a * b)}.",
    )


def _divisions(rng):
    items = [f"{grouped(rng.randint(200, 9999))} ÷ {rng.randint(3, 48)} =" for _ in range(6)]
    return Items("Resuelve las divisiones. Escribe el cociente y el residuo, y comprueba.", tuple(items))


def _division_example(rng):
    divisor = rng.randint(6, 35)
    quotient = rng.randint(12, 250)
    remainder = rng.randint(0, divisor - 1)
    dividend = divisor * quotient + remainder
    tail = f"y sobran {remainder}" if remainder else "exacto, sin residuo"
    check = (
        f"{quotient} × {divisor} + {remainder} = {grouped(dividend)}"
        if remainder
        else f"{quotient} × {divisor} = {grouped(dividend)}"
    )
    return Note(
        "Ejemplo resuelto",
        f"Al dividir {grouped(dividend)} ÷ {divisor} se obtiene {quotient} {tail}. Lo comprobamos así: {check}.",
    )


def _operations_problem(rng):
    boxes, per_box = rng.randint(12, 48), rng.choice([6, 12, 20, 24])
    chairs, row = rng.randint(150, 600), rng.choice([8, 12, 15, 18])
    trips, load = rng.randint(14, 60), rng.randint(120, 450)
    choices = [
        f"Para la kermés se compraron {boxes} cajas con {per_box} botellas de agua cada una. ¿Cuántas botellas se "
        "compraron?",
        f"Para la ceremonia se van a acomodar {chairs} sillas en filas de {row}. ¿Cuántas filas completas se forman? "
        "¿Cuántas sillas sobran?",
        f"Una camioneta hace {trips} viajes al mes y en cada uno lleva {load} kg de maíz. ¿Cuántos kilogramos "
        "transporta en un mes?",
        f"En la cooperativa se juntaron ${grouped(boxes * per_box * 15)} para comprar balones de $15 cada uno. "
        "¿Cuántos balones se pueden comprar?",
    ]
    return Items("Resuelve los problemas.", tuple(pick(rng, choices, 2)), 2)


OPERATIONS_THOUGHTS = (
    "¿Cuál es el residuo más grande que puede tener una división entre 9? ¿Por qué?",
    "Si multiplicas un número por 25 y luego por 4, ¿qué obtienes? ¿Por qué es un atajo útil?",
    "Inventa un problema de reparto en el que sobre algo y decide qué hacer con lo que sobra.",
)

# -- 8. Perimeter and area -------------------------------------------------------------------------------
AREAS = (
    Paragraph(
        "El perímetro de una figura es la medida de su contorno: se obtiene sumando las longitudes de todos "
        "sus lados. Si un terreno rectangular mide 30 m de largo y 18 m de ancho, su perímetro es "
        "30 + 18 + 30 + 18 = 96 m."
    ),
    Paragraph(
        "El área es la medida de la superficie que ocupa una figura. Se mide en unidades cuadradas, como el "
        "centímetro cuadrado (cm²) o el metro cuadrado (m²). Un metro cuadrado es la superficie de un "
        "cuadrado de un metro por lado."
    ),
    Heading("Área de rectángulos y cuadrados"),
    Paragraph(
        "El área de un rectángulo se calcula multiplicando el largo por el ancho. El terreno de 30 m por 18 m "
        "tiene un área de 30 × 18 = 540 m². En un cuadrado, el largo y el ancho miden lo mismo; por eso su "
        "área es lado por lado."
    ),
    Heading("Área del triángulo"),
    Paragraph(
        "Todo triángulo es la mitad de un paralelogramo que tiene la misma base y la misma altura. Por eso el "
        "área de un triángulo es base por altura entre dos. Un triángulo de 12 cm de base y 7 cm de altura "
        "tiene un área de 12 × 7 ÷ 2 = 42 cm²."
    ),
    Note(
        "Cuidado",
        "Dos figuras pueden tener el mismo perímetro y distinta área. Un rectángulo de 8 m por 2 m y un "
        "cuadrado de 5 m por lado tienen ambos 20 m de perímetro, pero el primero mide 16 m² y el segundo 25 m².",
    ),
    Paragraph(
        "Para calcular el área de una figura compuesta, como una casa dibujada con un cuadrado y un "
        "triángulo encima, se divide en figuras conocidas, se calcula el área de cada una y se suman los "
        "resultados."
    ),
)


def _rectangle_example(rng):
    long, wide = rng.randint(12, 60), rng.randint(5, 30)
    return Note(
        "Ejemplo resuelto",
        f"Un huerto rectangular mide {long} m de largo y {wide} m de ancho. Su perímetro "
        f"es {long} + {wide} + {long} + {wide} = {2 * (long + wide)} m, y su área es {long} × {wide} = "
        f"{grouped(long * wide)} m².",
    )


def _rectangles(rng):
    rows = []
    for _ in range(5):
        long, wide = rng.randint(4, 40), rng.randint(2, 25)
        rows.append((f"{long} m", f"{wide} m", "", ""))
    return Table(
        ("Largo", "Ancho", "Perímetro", "Área"),
        tuple(rows),
        "Completa la tabla con el perímetro y el área de cada rectángulo.",
    )


def _triangles(rng):
    items = []
    for _ in range(5):
        base, height = rng.randint(3, 30), rng.randint(2, 24)
        items.append(f"Un triángulo de {base} cm de base y {height} cm de altura.")
    return Items("Calcula el área de cada triángulo.", tuple(items), 1)


def _triangle_example(rng):
    base, height = rng.randint(4, 30), rng.randint(3, 24)
    area = Fraction(base * height, 2)
    shown = str(area.numerator) if area.denominator == 1 else decimal(float(area), 1)
    return Note(
        "Ejemplo resuelto",
        f"El área de un triángulo de {base} cm de base y {height} cm de altura es "
        f"{base} × {height} ÷ 2 = {grouped(base * height)} ÷ 2 = {shown} cm².",
    )


def _composite_example(rng):
    side = rng.randint(4, 12)
    height = rng.randint(2, 8)
    square, roof = side * side, Fraction(side * height, 2)
    total = square + roof

    def show(value):
        return str(value.numerator) if Fraction(value).denominator == 1 else decimal(float(value), 1)

    return Note(
        "Ejemplo resuelto",
        f"Una figura de casa está formada por un cuadrado de {side} m de lado y, encima, "
        f"un triángulo de {side} m de base y {height} m de altura. El cuadrado mide {side} × {side} = {square} m² "
        f"y el triángulo {side} × {height} ÷ 2 = {show(roof)} m². El área total es {show(total)} m².",
    )


def _tiles(rng):
    side = rng.choice([20, 25, 50])
    per_meter = 100 // side
    long, wide = rng.randint(2, 8), rng.randint(2, 6)
    name = rng.choice(NAMES)
    return Items(
        "Resuelve.",
        (
            f"¿Cuántas losetas cuadradas de {side} cm por lado se necesitan para cubrir un piso de "
            f"{long} m por {wide} m? "
            f"Pista: en cada metro caben {per_meter} losetas en fila.",
            f"{name} quiere cercar un corral rectangular de {long * 3} m por {wide * 2} m. ¿Cuántos "
            "metros de malla necesita?",
        ),
        2,
    )


AREAS_THOUGHTS = (
    "¿Cuántos rectángulos distintos, con lados de metros enteros, tienen un área de 24 m²? ¿Cuál "
    "tiene el menor perímetro?",
    "Si duplicas el largo y el ancho de un rectángulo, ¿qué pasa con su perímetro? ¿Y con su área?",
    "Mide el largo y el ancho de tu salón con pasos y después con una cinta métrica. Calcula su área aproximada.",
)

# -- 9. Measurement --------------------------------------------------------------------------------------
MEASURES = (
    Paragraph(
        "Medir es comparar una cantidad con otra de la misma clase que tomamos como unidad. Para que todas las "
        "personas midan igual se usan unidades convencionales, como las del Sistema Internacional de "
        "Unidades, que México usa oficialmente."
    ),
    Paragraph(
        "La unidad básica de longitud es el metro (m). Para distancias largas se usa el kilómetro: "
        "1 km = 1 000 m. Para objetos pequeños se usan el centímetro y el milímetro: 1 m = 100 cm y "
        "1 cm = 10 mm."
    ),
    Paragraph(
        "La masa se mide en kilogramos y gramos: 1 kg = 1 000 g. Medio kilo de tortillas son 500 g, y un "
        "cuarto de kilo de queso son 250 g."
    ),
    Paragraph(
        "La capacidad de un recipiente se mide en litros y mililitros: 1 L = 1 000 mL. Una botella de medio "
        "litro contiene 500 mL."
    ),
    Table(
        ("Magnitud", "Unidad", "Equivalencia"),
        (
            ("Longitud", "1 km", "1 000 m"),
            ("Longitud", "1 m", "100 cm"),
            ("Masa", "1 kg", "1 000 g"),
            ("Capacidad", "1 L", "1 000 mL"),
        ),
        "Equivalencias que conviene recordar.",
    ),
    Note(
        "Recuerda",
        "Para pasar de una unidad mayor a una menor se multiplica; para pasar de una menor a una mayor se "
        "divide. Por ejemplo, 3.5 km son 3.5 × 1 000 = 3 500 m, y 2 500 g son 2 500 ÷ 1 000 = 2.5 kg.",
    ),
    Heading("El tiempo"),
    Paragraph(
        "El tiempo no se mide con un sistema decimal: un día tiene 24 horas, una hora tiene 60 minutos y un "
        "minuto tiene 60 segundos. Por eso un cuarto de hora son 15 minutos y tres cuartos de hora son "
        "45 minutos."
    ),
)

CONVERSIONS = [("km", "m", 1000), ("m", "cm", 100), ("cm", "mm", 10), ("kg", "g", 1000), ("L", "mL", 1000)]


def _conversions(rng):
    items = []
    for _ in range(6):
        big, small, factor = rng.choice(CONVERSIONS)
        if rng.random() < 0.5:
            value = rng.randint(1, 40) / rng.choice([1, 2, 4])
            items.append(f"{decimal(value, 2).rstrip('0').rstrip('.')} {big} = ____ {small}")
        else:
            value = rng.randint(1, 60) * factor // rng.choice([1, 2, 4])
            items.append(f"{grouped(value)} {small} = ____ {big}")
    return Items("Completa las equivalencias.", tuple(items))


def _measure_example(rng):
    jars, millilitres = rng.randint(3, 12), rng.choice([500, 750, 1500, 2000, 2500])
    total = jars * millilitres
    return Note(
        "Ejemplo resuelto",
        f"Para una fiesta se prepararon {jars} jarras de {grouped(millilitres)} mL de agua "
        f"de jamaica. En total son {jars} × {grouped(millilitres)} = {grouped(total)} mL, que equivalen a "
        f"{grouped(total)} ÷ 1 000 = {decimal(total / 1000, 2).rstrip('0').rstrip('.')} L.",
    )


def _time_problems(rng):
    minutes = rng.randint(75, 190)
    start_hour, start_minute = rng.randint(8, 17), rng.choice([0, 15, 30, 45])
    return Items(
        "Resuelve.",
        (
            f"Una película dura {minutes} minutos. ¿Cuántas horas y minutos son?",
            f"El camión sale a las {start_hour}:{start_minute:02d} y el viaje dura {minutes} minutos. "
            "¿A qué hora llega?",
        ),
        1,
    )


def _recipe(rng):
    rows = [
        ("Harina de maíz", f"{grouped(rng.choice([500, 750, 1000, 1500]))} g"),
        ("Manteca", f"{rng.choice([150, 200, 250, 300])} g"),
        ("Caldo", f"{grouped(rng.choice([500, 750, 1000]))} mL"),
        ("Sal", f"{rng.choice([10, 15, 20])} g"),
    ]
    people = rng.randint(2, 5)
    return Table(
        ("Ingrediente (para 20 tamales)", "Cantidad"),
        tuple(rows),
        f"Si se quieren preparar {20 * people} tamales, ¿cuántos kilogramos de harina y cuántos litros de "
        "caldo se necesitan?",
    )


MEASURES_THOUGHTS = (
    "¿Qué unidad usarías para medir el largo de una hormiga, el de tu salón y la distancia a la capital de tu estado?",
    "¿Por qué crees que todos los países necesitan ponerse de acuerdo en las unidades de medida?",
    "Una cubeta de 10 L se llena con un vaso de 250 mL. ¿Cuántos vasos se necesitan?",
)

# -- 10. Proportionality and percentages -------------------------------------------------------------------
PROPORTIONS = (
    Paragraph(
        "Dos cantidades son proporcionales cuando, al multiplicar una por un número, la otra también se "
        "multiplica por el mismo número. Si un kilo de tortillas cuesta $24, dos kilos cuestan $48 y tres "
        "kilos cuestan $72."
    ),
    Paragraph(
        "El valor unitario es lo que corresponde a una unidad. Si 4 cuadernos cuestan $92, un cuaderno cuesta "
        "$92 ÷ 4 = $23, y con ese valor podemos calcular el precio de cualquier cantidad de cuadernos."
    ),
    Table(
        ("Kilos de tortillas", "1", "2", "3", "5"),
        (("Precio", "$24", "$48", "$72", "$120"),),
        "Una tabla de proporcionalidad: el precio es siempre 24 veces el número de kilos.",
        widths=(0.32,) + (0.17,) * 4,
    ),
    Heading("Porcentajes"),
    Paragraph(
        "Un porcentaje indica cuántas partes de cada 100 se toman: el 35% de algo son 35 de cada 100 partes. "
        "Algunos porcentajes se calculan fácilmente con fracciones: el 50% es la mitad, el 25% es la cuarta "
        "parte y el 10% es la décima parte."
    ),
    Paragraph(
        "Para calcular el 10% de una cantidad se divide entre 10; el 20% es el doble del 10%, y el 5% es la "
        "mitad del 10%. Así, el 15% de $240 es $24 + $12 = $36."
    ),
    Note(
        "En la tienda",
        "Si un suéter de $360 tiene un descuento del 25%, se descuenta la cuarta parte de su precio, "
        "$90, y se pagan $270.",
    ),
)

PRODUCTS = [
    ("kilos de naranjas", 18, 32),
    ("cuadernos", 15, 40),
    ("metros de listón", 4, 12),
    ("litros de leche", 22, 30),
    ("boletos del camión", 8, 15),
    ("kilos de frijol", 25, 45),
]


def _proportion_table(rng):
    product, low, high = rng.choice(PRODUCTS)
    price = rng.randint(low, high)
    amounts = sorted(rng.sample(range(1, 13), 5))
    shown = [pesos(price * amounts[0])] + ["" for _ in amounts[1:]]
    hidden_index = rng.randrange(1, 5)
    shown[hidden_index] = pesos(price * amounts[hidden_index])
    return Table(
        (product.capitalize(), *map(str, amounts)),
        (("Precio", *shown),),
        "Completa la tabla. Primero calcula el valor unitario.",
        widths=(0.3,) + (0.14,) * 5,
    )


def _percentages(rng):
    pairs = [
        (percent, base)
        for percent in (5, 10, 15, 20, 25, 50, 75)
        for base in (40, 80, 120, 200, 240, 360, 400, 500, 600, 1000)
    ]
    return Items("Calcula.", tuple(f"El {percent}% de {base} =" for percent, base in pick(rng, pairs, 6)))


def _discount_example(rng):
    product = rng.choice(["una mochila", "unos tenis", "una chamarra", "un juego de mesa", "una lámpara"])
    price = rng.choice([160, 240, 320, 400, 480, 560, 640, 800])
    percent = rng.choice([10, 25, 50, 20, 15])
    discount = price * percent // 100
    return Note(
        "Ejemplo resuelto",
        f"{product.capitalize()} de {pesos(price)} tiene un descuento del {percent}%. "
        f"El {percent}% de {price} es {discount}, así que se pagan {pesos(price)} - {pesos(discount)} = "
        f"{pesos(price - discount)}.",
    )


def _unit_value_problem(rng):
    product, low, high = rng.choice(PRODUCTS)
    price = rng.randint(low, high)
    count, asked = rng.randint(3, 9), rng.randint(10, 25)
    return Items(
        "Resuelve.",
        (
            f"Si {count} {product} cuestan {pesos(price * count)}, ¿cuánto cuestan {asked}?",
            f"En una escuela de {rng.choice([200, 300, 400, 500])} estudiantes, "
            f"el {rng.choice([10, 20, 25, 50])}% llega "
            "en bicicleta. ¿Cuántos estudiantes llegan en bicicleta?",
        ),
        2,
    )


PROPORTIONS_THOUGHTS = (
    "¿La estatura de una persona es proporcional a su edad? Explica con ejemplos.",
    "¿Qué es mejor: un descuento del 50% o dos descuentos sucesivos del 25%? Haz las cuentas con un precio de $400.",
    "Busca en un anuncio un descuento en porcentaje y calcula cuánto se ahorra.",
)

# -- 11. Data and averages ---------------------------------------------------------------------------------
DATA = (
    Paragraph(
        "Para responder una pregunta sobre un grupo, como cuál es la fruta favorita del salón, se recolectan "
        "datos, se organizan en una tabla y se representan en una gráfica. Así es más fácil ver lo que dicen "
        "los datos."
    ),
    Paragraph(
        "La moda es el dato que más se repite. La media aritmética, o promedio, se obtiene sumando todos los "
        "datos y dividiendo el resultado entre la cantidad de datos. El rango es la diferencia entre el dato "
        "mayor y el menor."
    ),
    Paragraph(
        "Por ejemplo, si en cinco días se registraron temperaturas máximas de 24, 26, 25, 23 y 27 grados "
        "Celsius, la suma es 125 y el promedio es 125 ÷ 5 = 25 grados."
    ),
    Note(
        "Recuerda",
        "El promedio no tiene que ser uno de los datos. El promedio de 2, 3 y 5 es 10 ÷ 3, que es un poco más de 3.3.",
    ),
)

WEEKDAYS = ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes")


def _temperature_table(rng):
    base = rng.randint(14, 30)
    distinct = rng.sample(range(base - 3, base + 4), 4)
    values = distinct + [distinct[0]]  # one value repeats, so the week has exactly one mode
    rng.shuffle(values)
    city = rng.choice(["Oaxaca", "Toluca", "Mérida", "Monterrey", "Puebla", "Zacatecas", "Tepic", "Chihuahua"])
    return Table(
        ("Día", *WEEKDAYS),
        (("Temperatura máxima (°C)", *map(str, values)),),
        f"Temperaturas registradas en {city} durante una semana. Calcula el promedio, la moda y el rango.",
        widths=(0.35,) + (0.13,) * 5,
    )


def _mean_example(rng):
    count = rng.randint(4, 6)
    mean = rng.randint(6, 30)
    values = [mean + rng.randint(-4, 4) for _ in range(count - 1)]
    values.append(mean * count - sum(values))
    subject = rng.choice(
        [
            "las horas que durmió una niña cada noche",
            "los goles de un equipo en cada partido",
            "los cuentos que leyó un grupo cada mes",
            "las plantas que germinaron en cada maceta",
        ]
    )
    if min(values) < 0:
        values = [mean] * count
    return Note(
        "Ejemplo resuelto",
        f"Estos datos son {subject}: {', '.join(map(str, values))}. La suma es "
        f"{sum(values)}, y como son {count} datos, el promedio es {sum(values)} ÷ {count} = {mean}.",
    )


def _votes(rng):
    fruits = ["Mango", "Plátano", "Sandía", "Manzana", "Guayaba", "Papaya"]
    votes = rng.sample(range(2, 13), 4)  # different counts: one fruit is the mode
    rows = tuple((fruit, str(count)) for fruit, count in zip(pick(rng, fruits, 4), votes, strict=True))
    return Table(
        ("Fruta favorita", "Votos"),
        rows,
        "¿Cuántas personas votaron? ¿Cuál es la moda? Dibuja una gráfica de barras con estos datos.",
    )


def _data_questions(rng):
    values = sorted(rng.randint(110, 160) for _ in range(6))
    rng.shuffle(values)
    return Items(
        "Las estaturas, en centímetros, de seis estudiantes son: " + ", ".join(map(str, values)) + ".",
        (
            "¿Cuál es la estatura mayor y cuál la menor? ¿Cuál es el rango?",
            "Calcula el promedio de las estaturas.",
        ),
        1,
    )


DATA_THOUGHTS = (
    "Si a un grupo de datos le agregas uno muy grande, ¿qué pasa con el promedio? ¿Y con la moda?",
    "Formula una pregunta para tu grupo, recolecta las respuestas y preséntalas en una tabla.",
)


BOOK = Book(
    slug="cuaderno-matematicas-quinto",
    title="Cuaderno de matemáticas: fracciones, decimales y medición",
    subtitle="Quinto grado de primaria",
    short_title="Cuaderno de matemáticas 5",
    color=(0.12, 0.42, 0.67),
    presentation=(
        "Este cuaderno de trabajo acompaña a las alumnas y los alumnos de quinto grado en el estudio de los números, "
        "las fracciones, los decimales, la medición y el manejo de datos. Cada capítulo comienza con una explicación "
        "breve y ejemplos resueltos, y continúa con series de ejercicios y problemas para practicar.",
        "Los ejercicios cambian de una serie a otra: resuelve los que necesites, compara tus procedimientos con los "
        "de tus compañeras y compañeros, y vuelve a la explicación cuando tengas dudas. Equivocarse es parte de "
        "aprender; lo importante es revisar por qué.",
    ),
    chapters=(
        Chapter(
            "Los números naturales y el valor posicional",
            12,
            NATURALS,
            rounds(
                "Practico con números grandes",
                (
                    _decompose,
                    _digit_value_example,
                    _digit_value,
                    _to_digits,
                    _to_words,
                    _compare_naturals,
                    _order_naturals,
                    _naturals_problem,
                ),
                NATURALS_THOUGHTS,
            ),
        ),
        Chapter(
            "Fracciones: partes de un todo y repartos",
            12,
            FRACTIONS,
            rounds(
                "Practico con fracciones",
                (
                    _shaded,
                    _share_example,
                    _share_problem,
                    _fraction_names_example,
                    _fraction_names,
                    _fraction_of_quantity,
                ),
                FRACTIONS_THOUGHTS,
            ),
        ),
        Chapter(
            "Fracciones equivalentes",
            14,
            EQUIVALENTS,
            rounds(
                "Practico fracciones equivalentes",
                (
                    _equivalent_example,
                    _complete_equivalent,
                    _simplify_example,
                    _simplify,
                    _cross_products_example,
                    _are_equivalent,
                    _equivalent_bars,
                    _three_equivalents,
                    _equivalent_problem,
                ),
                EQUIVALENTS_THOUGHTS,
            ),
        ),
        Chapter(
            "Comparar y ordenar fracciones",
            10,
            COMPARING,
            rounds(
                "Practico comparaciones",
                (_compare_example, _compare_fractions, _order_fractions, _half_test, _race_problem),
                COMPARING_THOUGHTS,
            ),
        ),
        Chapter(
            "Suma y resta de fracciones",
            14,
            ADDING,
            rounds(
                "Practico sumas y restas",
                (_same_denominator, _sum_example, _different_denominators, _fraction_word_problem),
                ADDING_THOUGHTS,
            ),
        ),
        Chapter(
            "Números decimales",
            14,
            DECIMALS,
            rounds(
                "Practico con decimales",
                (_to_decimal, _to_fraction, _compare_decimals, _shop_example, _shop_problem, _decimal_sums),
                DECIMALS_THOUGHTS,
            ),
        ),
        Chapter(
            "Multiplicación y división",
            12,
            OPERATIONS,
            rounds(
                "Practico operaciones",
                (_multiplication_example, _multiplications, _division_example, _divisions, _operations_problem),
                OPERATIONS_THOUGHTS,
            ),
        ),
        Chapter(
            "Perímetro y área",
            12,
            AREAS,
            rounds(
                "Practico perímetros y áreas",
                (_rectangle_example, _rectangles, _triangle_example, _triangles, _composite_example, _tiles),
                AREAS_THOUGHTS,
            ),
        ),
        Chapter(
            "Medición: longitud, masa y capacidad",
            10,
            MEASURES,
            rounds("Practico mediciones", (_conversions, _measure_example, _time_problems, _recipe), MEASURES_THOUGHTS),
        ),
        Chapter(
            "Proporcionalidad y porcentajes",
            8,
            PROPORTIONS,
            rounds(
                "Practico proporciones",
                (_proportion_table, _discount_example, _percentages, _unit_value_problem),
                PROPORTIONS_THOUGHTS,
            ),
        ),
        Chapter(
            "Datos y promedios",
            7,
            DATA,
            rounds("Practico con datos", (_temperature_table, _mean_example, _votes, _data_questions), DATA_THOUGHTS),
        ),
    ),
    seed=5,
    keywords=("matemáticas", "fracciones equivalentes", "decimales", "quinto grado", "material de muestra"),
)

EQUIVALENT_FRACTIONS_PAGE = BOOK.start_of("Fracciones equivalentes")
